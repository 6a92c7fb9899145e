using Microsoft.EntityFrameworkCore;
using SyncHub.Data;
using SyncHub.Data.Bookkeeping;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Delivery.Claiming;

/// <summary>
/// The statements of a claim, each one set-based whatever the batch size: read the candidates from the front of a
/// work-queue lane (with what the attempts need), open their sync-log entries, and mark the records and their queue rows
/// as held by the claim's token. The caller runs them in one transaction.
/// </summary>
internal static class ClaimStatements
{
    private const string Columns = """
        r."Id", r."IntegrationId", r."EntityType", r."SourceId", r."Payload", r."PayloadVersion", r."IdempotencyBase", r."Status",
        r."RetryCount", r."AutomaticRetryCount", r."AutomaticRetriesExhausted", r."FailedRuns", r."OutcomeUnknown", r."DeadLetteredAt" IS NOT NULL AS "HasDeadLettered",
        r."FirstFailedAt" IS NOT NULL AS "HasFailed", r."LastAttemptId", r."ArchivedAt" IS NOT NULL AS "Archived", r."RetryOperationId",
        r."ParentEntityType", r."ParentSourceId"
        """;

    private static readonly RowSetColumn[] AttemptColumns = [new("jId", SqlType.Long), new("jAttempt", SqlType.Long)];

    private static readonly RowSetColumn[] ParentColumns =
        [new("jId", SqlType.Long), new("jIntegration", SqlType.Int), new("jType", SqlType.Text), new("jSource", SqlType.Text)];

    /// <summary>Up to <paramref name="limit"/> records of the source, in claim order, skipping excluded integrations.</summary>
    public static Task<List<ClaimRow>> CandidatesAsync(
        SyncHubDbContext db, WorkSource source, int limit, IReadOnlyCollection<int> excluded, int? only, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (sql, args) = Candidates(StoreDialect.Of(db.Database), source, limit, excluded, only, now);
        return db.Database.SqlQueryRaw<ClaimRow>(sql, [.. args.Values]).ToListAsync(cancellationToken);
    }

    /// <summary>The candidates' statement and its parameters (a test reads its query plan).</summary>
    internal static (string Sql, SqlArguments Args) Candidates(
        StoreDialect dialect, WorkSource source, int limit, IReadOnlyCollection<int> excluded, int? only, DateTimeOffset now)
    {
        var args = new SqlArguments();
        string sql;
        if (source.Lane is { } lane)
        {
            // An operation's or a run's rows are only ever in its lane: their own (partial) index serves them.
            var where = source.OperationId is null && source.RunId is null ? new List<string> { $"""w."Lane" = {args.Add((int)lane)}""" } : [];
            if (source.DueOnly)
            {
                where.Add($"""w."DueAt" <= {args.Add(StoredTime.Of(now))}""");
            }

            if (source.OperationId is { } operationId)
            {
                where.Add($"""w."OperationId" = {args.Add(operationId)}""");
            }

            if (source.RunId is { } runId)
            {
                where.Add($"""w."RunId" = {args.Add(runId)}""");
            }

            AddIntegrationFilter(where, "w", excluded, only, dialect, args);
            var order = source.RunId is null ? """w."DueAt", w."RecordId" """ : """w."RecordId" """;
            sql = $"""
                SELECT {Columns}
                FROM "WorkQueue" AS w JOIN "Records" AS r ON r."Id" = w."RecordId"
                WHERE {string.Join(" AND ", where)}
                ORDER BY {order}LIMIT {args.Add(limit)}{dialect.SkipLocked("w")}
                """;
        }
        else
        {
            var statuses = string.Join(", ", source.Statuses.Select(s => (int)s));
            var where = new List<string> { $"""r."Id" = {args.Add(source.RecordId!.Value)}""", $"""r."Status" IN ({statuses})""" };
            if (source.OperationId is { } operationId)
            {
                where.Add($"""r."RetryOperationId" = {args.Add(operationId)}""");
            }

            if (source.Statuses is [RecordStatus.Pending])
            {
                where.Add("""r."NextAttemptAt" IS NOT NULL""");
            }

            AddIntegrationFilter(where, "r", excluded, only, dialect, args);
            sql = $"""SELECT {Columns} FROM "Records" AS r WHERE {string.Join(" AND ", where)}{dialect.SkipLocked("r")}""";
        }

        return (sql, args);
    }

    /// <summary>Of the candidates that name a parent, those whose parent SyncHub holds and has not delivered yet.</summary>
    public static async Task<HashSet<long>> WaitingForParentAsync(SyncHubDbContext db, IReadOnlyList<ClaimRow> children, CancellationToken cancellationToken)
    {
        var dialect = StoreDialect.Of(db.Database);
        using var rows = new JsonRows(dialect, ParentColumns);
        foreach (var child in children)
        {
            rows.Row().Long("jId", child.Id).Int("jIntegration", child.IntegrationId).Text("jType", child.ParentEntityType).Text("jSource", child.ParentSourceId);
        }

        var args = new SqlArguments();
        var sql = $"""
            SELECT v."jId" AS "Value" FROM {dialect.RowSet(args.Add(rows.Finish()), "v", ParentColumns)}
            WHERE EXISTS (SELECT 1 FROM "Records" AS p WHERE p."IntegrationId" = v."jIntegration" AND p."EntityType" = v."jType"
                          AND p."SourceId" = v."jSource" AND p."Status" <> {(int)RecordStatus.Delivered})
            """;
        return [.. await db.Database.SqlQueryRaw<long>(sql, [.. args.Values]).ToListAsync(cancellationToken)];
    }

    /// <summary>
    /// Opens one in-flight sync-log entry per record: a retry of the record's last attempt, in the chain of that attempt's
    /// original. Returns each record's new entry.
    /// </summary>
    public static async Task<Dictionary<long, long>> OpenAttemptsAsync(
        SyncHubDbContext db, WorkSource source, Guid? operationId, IReadOnlyCollection<long> ids, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var dialect = StoreDialect.Of(db.Database);
        var args = new SqlArguments();
        var idList = args.Add(dialect.IdsValue(ids));
        var operation = operationId is { } id ? args.Add(id) : "NULL";
        var runId = source.Trigger == AttemptTrigger.Run ? "r.\"RunId\"" : "NULL";
        var sql = $"""
            INSERT INTO "SyncLog" ("RecordId", "IntegrationId", "Trigger", "Status", "RetryOfAttemptId", "OriginalAttemptId",
                                   "OperationId", "RunId", "PayloadVersion", "StartedAt")
            SELECT r."Id", r."IntegrationId", {(int)source.Trigger}, {(int)AttemptStatus.InFlight}, r."LastAttemptId",
                   COALESCE(p."OriginalAttemptId", p."Id", r."LastAttemptId"), {operation}, {runId}, r."PayloadVersion", {args.Add(StoredTime.Of(now))}
            FROM "Records" AS r LEFT JOIN "SyncLog" AS p ON p."Id" = r."LastAttemptId"
            WHERE r."Id" IN ({dialect.Ids(idList)})
            ORDER BY r."Id"
            RETURNING "Id", "RecordId"
            """;
        var opened = await db.Database.SqlQueryRaw<OpenedAttempt>(sql, [.. args.Values]).ToListAsync(cancellationToken);
        return opened.ToDictionary(a => a.RecordId, a => a.Id);
    }

    /// <summary>The records become in flight under the token and point at their new entries; their queue rows become claimed.</summary>
    public static async Task MarkHeldAsync(
        SyncHubDbContext db, IReadOnlyDictionary<long, long> attempts, Guid token, string node, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var dialect = StoreDialect.Of(db.Database);
        using var rows = new JsonRows(dialect, AttemptColumns);
        foreach (var (recordId, attemptId) in attempts)
        {
            rows.Row().Long("jId", recordId).Long("jAttempt", attemptId);
        }

        var args = new SqlArguments();
        var (set, tokenValue, nodeValue, at) = (args.Add(rows.Finish()), args.Add(token), args.Add(node), args.Add(StoredTime.Of(now)));
        var records = $"""
            UPDATE "Records" SET "Status" = {(int)RecordStatus.InFlight}, "ClaimToken" = {tokenValue}, "ClaimedBy" = {nodeValue},
                   "RetryOperationId" = NULL, "UpdatedAt" = {at}, "LastAttemptId" = v."jAttempt"
            FROM {dialect.RowSet(set, "v", AttemptColumns)}
            WHERE "Records"."Id" = v."jId"
            """;
        await db.Database.ExecuteSqlRawAsync(records, args.Values, cancellationToken);

        // A record claimed by id (a canary, an edit, a reviewed duplicate) may have had no queue row: the projection
        // writes its claimed row whatever it had before.
        await RecordBookkeeping.RefreshQueueAsync(db, [.. attempts.Keys], cancellationToken);
    }

    private static void AddIntegrationFilter(List<string> where, string alias, IReadOnlyCollection<int> excluded, int? only, StoreDialect dialect, SqlArguments args)
    {
        if (only is { } integrationId)
        {
            where.Add($"""{alias}."IntegrationId" = {args.Add(integrationId)}""");
        }
        else if (excluded.Count > 0)
        {
            where.Add($"""{alias}."IntegrationId" NOT IN ({dialect.Ids(args.Add(dialect.IdsValue(excluded.Select(i => (long)i))))})""");
        }
    }
}
