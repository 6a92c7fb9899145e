namespace SyncHub.Core.Queries;

public sealed record StatusCounts(int Pending, int InFlight, int Delivered, int Failed);
