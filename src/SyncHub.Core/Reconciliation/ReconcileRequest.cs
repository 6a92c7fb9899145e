namespace SyncHub.Core.Reconciliation;

/// <summary>Reconcile one integration's records of [<paramref name="From"/>, <paramref name="To"/>), on someone's behalf.</summary>
public sealed record ReconcileRequest(int IntegrationId, DateTimeOffset From, DateTimeOffset To, string Actor);
