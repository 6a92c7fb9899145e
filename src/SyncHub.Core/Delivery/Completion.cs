using System.Diagnostics;
using SyncHub.Connectors;
using SyncHub.Core.Mapping;

namespace SyncHub.Core.Delivery;

/// <summary>An attempt the destination has answered, waiting for its result to be written with others of its group.</summary>
/// <param name="Activity">The attempt's activity, still running: its result is written and logged under it.</param>
internal sealed record Completion(ClaimedRecord Work, DeliveryOutcome Outcome, TimeSpan Elapsed, ResendGuard Guard, MappingResult Mapping, Activity Activity);
