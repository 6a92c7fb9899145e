using SyncHub.Data.Entities;

namespace SyncHub.Data.Bookkeeping;

/// <summary>
/// The work queue as a function of the records: which lane a record's state puts it in, if any. Written once, as SQL,
/// so the migration that fills the queue, the engine and every other writer agree on it:
/// <list type="bullet">
/// <item>in flight: <see cref="WorkLane.Claimed"/>, due = the claim's time, with its token and node;</item>
/// <item>pending with a due time: <see cref="WorkLane.Delivery"/>;</item>
/// <item>pending without one, staged by a run: <see cref="WorkLane.Run"/>;</item>
/// <item>failed or dead letter, queued by a retry operation: <see cref="WorkLane.ManualRetry"/>;</item>
/// <item>failed with an automatic retry scheduled, not archived: <see cref="WorkLane.AutomaticRetry"/>;</item>
/// <item>anything else (delivered, skipped, blocked, in review, dismissed, failed waiting for a person): not queued.</item>
/// </list>
/// </summary>
public static class WorkQueueProjection
{
    private static readonly string Lane = $"""
        CASE
            WHEN r."Status" = {(int)RecordStatus.InFlight} THEN {(int)WorkLane.Claimed}
            WHEN r."Status" = {(int)RecordStatus.Pending} AND r."NextAttemptAt" IS NOT NULL THEN {(int)WorkLane.Delivery}
            WHEN r."Status" = {(int)RecordStatus.Pending} AND r."RunId" IS NOT NULL THEN {(int)WorkLane.Run}
            WHEN r."Status" IN ({(int)RecordStatus.Failed}, {(int)RecordStatus.DeadLetter}) AND r."RetryOperationId" IS NOT NULL THEN {(int)WorkLane.ManualRetry}
            WHEN r."Status" = {(int)RecordStatus.Failed} AND r."NextAttemptAt" IS NOT NULL AND r."ArchivedAt" IS NULL THEN {(int)WorkLane.AutomaticRetry}
        END
        """;

    /// <summary>Inserts the queue rows of the records <paramref name="where"/> selects (a condition on <c>r</c>).</summary>
    public static string InsertFor(string where) => $"""
        INSERT INTO "WorkQueue" ("RecordId", "IntegrationId", "Lane", "DueAt", "OperationId", "RunId", "ClaimToken", "ClaimedBy")
        SELECT q."Id", q."IntegrationId", q."Lane",
               CASE q."Lane" WHEN {(int)WorkLane.Claimed} THEN q."UpdatedAt" WHEN {(int)WorkLane.Run} THEN 0
                             WHEN {(int)WorkLane.ManualRetry} THEN COALESCE(q."NextAttemptAt", 0) ELSE q."NextAttemptAt" END,
               CASE WHEN q."Lane" = {(int)WorkLane.ManualRetry} THEN q."RetryOperationId" END,
               CASE WHEN q."Lane" = {(int)WorkLane.Run} THEN q."RunId" END,
               CASE WHEN q."Lane" = {(int)WorkLane.Claimed} THEN q."ClaimToken" END,
               CASE WHEN q."Lane" = {(int)WorkLane.Claimed} THEN q."ClaimedBy" END
        FROM (SELECT r."Id", r."IntegrationId", r."UpdatedAt", r."NextAttemptAt", r."RetryOperationId", r."RunId", r."ClaimToken", r."ClaimedBy",
                     {Lane} AS "Lane"
              FROM "Records" AS r WHERE {where}) AS q
        WHERE q."Lane" IS NOT NULL
        """;
}
