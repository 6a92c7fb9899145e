using Microsoft.EntityFrameworkCore;
using SyncHub.Data;
using SyncHub.Data.Bookkeeping;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Delivery.Completing;

/// <summary>
/// The statements of a completion, one per table whatever the group's size: the records' new states (each guarded by its
/// own claim token, so a record whose claim was lost is left alone), the sync-log entries' outcomes, the earlier failures
/// the deliveries resolved, and the records handed back unsent.
/// </summary>
internal static class CompletionStatements
{
    private static readonly RowSetColumn[] RecordColumns =
    [
        new("jId", SqlType.Long), new("jToken", SqlType.Guid), new("jVersion", SqlType.Int), new("jOk", SqlType.Bool), new("jStatus", SqlType.Int),
        new("jNext", SqlType.Long), new("jRetry", SqlType.Int), new("jAuto", SqlType.Int), new("jExhausted", SqlType.Bool), new("jRuns", SqlType.Int), new("jUnknown", SqlType.Bool),
        new("jDead", SqlType.Int), new("jFingerprint", SqlType.Text), new("jProblems", SqlType.Text), new("jExternal", SqlType.Text),
        new("jReconciled", SqlType.Bool), new("jErrorClass", SqlType.Int), new("jHttp", SqlType.Int), new("jMessage", SqlType.Text),
    ];

    private static readonly RowSetColumn[] AttemptColumns =
    [
        new("jAttempt", SqlType.Long), new("jStatus", SqlType.Int), new("jErrorClass", SqlType.Int), new("jMessage", SqlType.Text),
        new("jHttp", SqlType.Int), new("jDuration", SqlType.Long),
    ];

    private static readonly RowSetColumn[] ResolvedColumns = [new("jId", SqlType.Long), new("jAttempt", SqlType.Long)];

    private static readonly RowSetColumn[] HandBackColumns =
    [
        new("jId", SqlType.Long), new("jToken", SqlType.Guid), new("jStatus", SqlType.Int), new("jOperation", SqlType.Guid), new("jPrevious", SqlType.Long),
    ];

    private static readonly DialectStatement AttemptsUpdate = new(dialect => $"""
            UPDATE "SyncLog" SET "Status" = v."jStatus", "ErrorClass" = v."jErrorClass", "Message" = v."jMessage", "HttpStatus" = v."jHttp",
                   "FinishedAt" = {"{1}"}, "DurationMs" = v."jDuration"
            FROM {dialect.RowSet("{0}", "v", AttemptColumns)}
            WHERE "SyncLog"."Id" = v."jAttempt"
            """);

    private const string Returning = """RETURNING "Id", "IntegrationId", "Status", "ArchivedAt" IS NOT NULL AS "Archived" """;

    private static readonly DialectStatement RecordsUpdate = new(RecordsUpdateText);

    private static string RecordsUpdateText(StoreDialect dialect)
    {
        const string set = "{0}", at = "{1}";
        var superseded = """ "Records"."PayloadVersion" <> v."jVersion" """;
        return $"""
            UPDATE "Records" SET
                "Status" = CASE WHEN {superseded} THEN {(int)RecordStatus.Pending} ELSE v."jStatus" END,
                "NextAttemptAt" = CASE WHEN {superseded} THEN {at} ELSE v."jNext" END,
                "ClaimToken" = NULL, "ClaimedBy" = NULL, "UpdatedAt" = {at},
                "RetryCount" = v."jRetry", "AutomaticRetryCount" = v."jAuto", "AutomaticRetriesExhausted" = v."jExhausted", "FailedRuns" = v."jRuns",
                "OutcomeUnknown" = v."jUnknown", "ErrorFingerprint" = v."jFingerprint", "FieldProblemsJson" = v."jProblems",
                "DeadLetteredAt" = CASE v."jDead" WHEN 0 THEN NULL WHEN 1 THEN COALESCE("Records"."DeadLetteredAt", {at}) ELSE "Records"."DeadLetteredAt" END,
                "DeliveredAt" = CASE WHEN v."jOk" THEN {at} ELSE "Records"."DeliveredAt" END,
                "ExternalId" = COALESCE(v."jExternal", "Records"."ExternalId"),
                "ReconciledAt" = CASE WHEN v."jOk" THEN (CASE WHEN v."jReconciled" THEN {at} END) ELSE "Records"."ReconciledAt" END,
                "LastErrorClass" = CASE WHEN v."jOk" THEN "Records"."LastErrorClass" ELSE v."jErrorClass" END,
                "LastHttpStatus" = CASE WHEN v."jOk" THEN "Records"."LastHttpStatus" ELSE v."jHttp" END,
                "LastErrorMessage" = CASE WHEN v."jOk" THEN "Records"."LastErrorMessage" ELSE v."jMessage" END,
                "FirstFailedAt" = CASE WHEN v."jOk" THEN "Records"."FirstFailedAt" ELSE COALESCE("Records"."FirstFailedAt", {at}) END,
                "LastFailedAt" = CASE WHEN v."jOk" THEN "Records"."LastFailedAt" ELSE {at} END
            FROM {dialect.RowSet(set, "v", RecordColumns)}
            WHERE "Records"."Id" = v."jId" AND "Records"."ClaimToken" = v."jToken"
            {Returning}
            """;
    }

    /// <summary>Writes each planned record whose claim still holds; a record the source replaced meanwhile becomes pending again.</summary>
    public static Task<List<WrittenRecord>> WriteRecordsAsync(SyncHubDbContext db, IReadOnlyList<(Completion Completion, PlannedRecord Plan)> planned, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var dialect = StoreDialect.Of(db.Database);
        using var rows = new JsonRows(dialect, RecordColumns);
        foreach (var (completion, plan) in planned)
        {
            var work = completion.Work;
            rows.Row().Long("jId", work.Record.Id).Guid("jToken", work.ClaimToken).Int("jVersion", work.Record.PayloadVersion).Bool("jOk", plan.Delivered)
                .Int("jStatus", (int)plan.Status).Time("jNext", plan.NextAttemptAt).Int("jRetry", plan.RetryCount).Int("jAuto", plan.AutomaticRetryCount)
                .Bool("jExhausted", plan.AutomaticRetriesExhausted).Int("jRuns", plan.FailedRuns).Bool("jUnknown", plan.OutcomeUnknown).Int("jDead", (int)plan.DeadLetter)
                .Text("jFingerprint", plan.ErrorFingerprint).Text("jProblems", plan.FieldProblemsJson).Text("jExternal", plan.ExternalId)
                .Bool("jReconciled", plan.Reconciled).Int("jErrorClass", (int?)plan.ErrorClass).Int("jHttp", plan.HttpStatus).Text("jMessage", plan.ErrorMessage);
        }

        // The order of the arguments is the order of the statement's placeholders.
        var args = new SqlArguments();
        args.Add(rows.Finish());
        args.Add(StoredTime.Of(now));
        var sql = RecordsUpdate.For(dialect);
        return db.Database.SqlQueryRaw<WrittenRecord>(sql, [.. args.Values]).ToListAsync(cancellationToken);
    }

    /// <summary>Closes the attempts' sync-log entries with their outcomes.</summary>
    public static Task WriteAttemptsAsync(SyncHubDbContext db, IReadOnlyList<(Completion Completion, PlannedRecord Plan)> planned, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var dialect = StoreDialect.Of(db.Database);
        using var rows = new JsonRows(dialect, AttemptColumns);
        foreach (var (completion, plan) in planned)
        {
            rows.Row().Long("jAttempt", completion.Work.AttemptId).Int("jStatus", (int)plan.AttemptStatus).Int("jErrorClass", (int?)plan.AttemptErrorClass)
                .Text("jMessage", plan.AttemptMessage).Int("jHttp", completion.Outcome!.HttpStatus).Long("jDuration", (long)completion.Elapsed.TotalMilliseconds);
        }

        var args = new SqlArguments();
        args.Add(rows.Finish());
        args.Add(StoredTime.Of(now));
        return db.Database.ExecuteSqlRawAsync(AttemptsUpdate.For(dialect), args.Values, cancellationToken);
    }

    /// <summary>Every failed entry of a record now delivered is marked succeeded, resolved by the attempt that delivered it.</summary>
    public static Task ResolveEarlierFailuresAsync(SyncHubDbContext db, IReadOnlyList<(long RecordId, long AttemptId)> delivered, CancellationToken cancellationToken)
    {
        if (delivered.Count == 0)
        {
            return Task.CompletedTask;
        }

        var dialect = StoreDialect.Of(db.Database);
        using var rows = new JsonRows(dialect, ResolvedColumns);
        foreach (var (recordId, attemptId) in delivered)
        {
            rows.Row().Long("jId", recordId).Long("jAttempt", attemptId);
        }

        var args = new SqlArguments();
        var set = args.Add(rows.Finish());
        var sql = $"""
            UPDATE "SyncLog" SET "Status" = {(int)AttemptStatus.Succeeded}, "ResolvedByAttemptId" = v."jAttempt"
            FROM {dialect.RowSet(set, "v", ResolvedColumns)}
            WHERE "SyncLog"."RecordId" = v."jId" AND "SyncLog"."Status" = {(int)AttemptStatus.Failed}
            """;
        return db.Database.ExecuteSqlRawAsync(sql, args.Values, cancellationToken);
    }

    /// <summary>
    /// Undoes the claims of records handed back unsent: each gets back the status and retry-operation mark it had when it
    /// was claimed and its previous last attempt; the entries opened for them are removed.
    /// </summary>
    public static async Task<List<WrittenRecord>> HandBackAsync(SyncHubDbContext db, IReadOnlyList<Completion> handedBack, CancellationToken cancellationToken)
    {
        var dialect = StoreDialect.Of(db.Database);
        using var rows = new JsonRows(dialect, HandBackColumns);
        foreach (var completion in handedBack)
        {
            var record = completion.Work.Record;
            rows.Row().Long("jId", record.Id).Guid("jToken", completion.Work.ClaimToken).Int("jStatus", record.Status)
                .Guid("jOperation", record.RetryOperationId).Long("jPrevious", record.LastAttemptId);
        }

        var args = new SqlArguments();
        var set = args.Add(rows.Finish());
        var sql = $"""
            UPDATE "Records" SET "Status" = v."jStatus", "RetryOperationId" = v."jOperation", "LastAttemptId" = v."jPrevious",
                   "ClaimToken" = NULL, "ClaimedBy" = NULL
            FROM {dialect.RowSet(set, "v", HandBackColumns)}
            WHERE "Records"."Id" = v."jId" AND "Records"."ClaimToken" = v."jToken"
            {Returning}
            """;
        var written = await db.Database.SqlQueryRaw<WrittenRecord>(sql, [.. args.Values]).ToListAsync(cancellationToken);
        var released = written.Select(w => w.Id).ToHashSet();
        var attempts = handedBack.Where(c => released.Contains(c.Work.Record.Id)).Select(c => c.Work.AttemptId).ToList();
        await db.Attempts.Where(a => attempts.Contains(a.Id)).ExecuteDeleteAsync(cancellationToken);
        return written;
    }
}
