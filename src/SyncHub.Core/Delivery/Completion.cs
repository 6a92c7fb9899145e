using SyncHub.Connectors;
using SyncHub.Core.Mapping;

namespace SyncHub.Core.Delivery;

/// <summary>An attempt the destination has answered, waiting for its result to be written with others of its group.</summary>
internal sealed record Completion(ClaimedRecord Work, DeliveryOutcome Outcome, TimeSpan Elapsed, ResendGuard Guard, MappingResult Mapping);
