using SyncHub.Connectors;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Runs;

/// <summary>Counts what a run's deliveries did, and decides when the run breaker trips.</summary>
internal static class RunTally
{
    public static void Count(RunContext context, List<StagedRecord> staged, List<(long Id, RecordStatus Status, ErrorClass? LastErrorClass)> results)
    {
        var updates = staged.Where(s => s.IsUpdate).Select(s => s.Id).ToHashSet();
        foreach (var (id, status, _) in results)
        {
            switch (status)
            {
                case RecordStatus.Delivered when updates.Contains(id):
                    context.Run.Updated++;
                    break;
                case RecordStatus.Delivered:
                    context.Run.Created++;
                    break;
                case RecordStatus.Skipped or RecordStatus.Blocked:
                    context.Run.Skipped++;
                    break;
                case RecordStatus.Failed or RecordStatus.DeadLetter or RecordStatus.NeedsReview:
                    context.Run.Failed++;
                    break;
            }
        }
    }

    /// <summary>The run breaker: more than the configured share failed, once enough were processed.</summary>
    public static string? BreakerNote(RunContext context)
    {
        var policy = context.Integration.Runs;
        var processed = context.Run.Created + context.Run.Updated + context.Run.Skipped + context.Run.Failed;
        if (processed < policy.BreakerMinimumProcessed || context.Run.Failed <= processed * policy.BreakerFailureRatio)
        {
            return null;
        }

        return $"Circuit breaker: {context.Run.Failed} of {processed} processed records failed (more than {policy.BreakerFailureRatio:P0}), " +
            "so the run stopped and the remaining records were not processed. The failed records are in the failed queue; the breaker resets on the next run.";
    }
}
