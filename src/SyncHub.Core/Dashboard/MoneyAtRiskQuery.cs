using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SyncHub.Data;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Dashboard;

/// <summary>
/// The total amount of financial records not yet delivered, per integration and currency: one GROUP BY with
/// json_extract over the top-level amount (amount, total, Amount, Total) and currency (currency, currencyCode,
/// CurrencyCode) fields. Reads at most <see cref="MaxRecords"/> undelivered records, the oldest first.
/// </summary>
public sealed class MoneyAtRiskQuery(IDbContextFactory<SyncHubDbContext> dbFactory)
{
    public const int MaxRecords = 50_000;

    private static readonly DateTimeOffsetToBinaryConverter Converter = new();

    private static readonly RecordStatus[] UndeliveredStatuses =
    [
        RecordStatus.Pending, RecordStatus.InFlight, RecordStatus.Failed,
        RecordStatus.DeadLetter, RecordStatus.Blocked, RecordStatus.NeedsReview,
    ];

    private static readonly int[] Undelivered = [.. UndeliveredStatuses.Select(s => (int)s)];

    public async Task<MoneyAtRisk> LoadAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);

        // The status list and the caps are constants, not input, so they are safe to inline, and the statement needs
        // no provider-specific parameter type.
        var statuses = string.Join(", ", Undelivered);
        var postgres = db.Database.IsPostgres();
        var rows = await db.Database.SqlQueryRaw<MoneyRow>(postgres ? PostgresSql(statuses) : SqliteSql(statuses)).ToListAsync(cancellationToken);

        // Whether the sample left records out comes from the maintained counts, not from reading one more payload.
        var undelivered = await db.RecordCounts.Where(c => !c.Archived && UndeliveredStatuses.Contains(c.Status))
            .SumAsync(c => c.Count, cancellationToken);

        return new MoneyAtRisk(
            rows.Select(r => new MoneyAtRiskRow(r.Slug, r.Name, r.Currency, r.Thousandths / 1000m, r.Records, (DateTimeOffset)Converter.ConvertFromProvider(r.Oldest)!)).ToList(),
            undelivered > MaxRecords);
    }

    private static string Sample(string statuses, int cap, bool postgres)
    {
        var validJson = postgres ? "" : """ AND json_valid("Payload")""";
        return $"""
            SELECT "Id", "IntegrationId", "Payload", "CreatedAt" FROM "Records"
            WHERE "Status" IN ({statuses}) AND "ArchivedAt" IS NULL{validJson}
            ORDER BY "Id" LIMIT {cap}
            """;
    }

    private static string SqliteSql(string statuses)
    {
        const string amount = """
            COALESCE(json_extract(s."Payload", '$.amount'), json_extract(s."Payload", '$.total'),
                     json_extract(s."Payload", '$.Amount'), json_extract(s."Payload", '$.Total'))
            """;
        const string currency = """
            COALESCE(json_extract(s."Payload", '$.currency'), json_extract(s."Payload", '$.currencyCode'),
                     json_extract(s."Payload", '$.CurrencyCode'))
            """;
        return $"""
            SELECT i."Slug" AS "Slug", i."Name" AS "Name", UPPER({currency}) AS "Currency",
                   SUM(CAST(ROUND(CAST({amount} AS REAL) * 1000) AS INTEGER)) AS "Thousandths",
                   COUNT(*) AS "Records", MIN(s."CreatedAt") AS "Oldest"
            FROM ({Sample(statuses, MaxRecords, postgres: false)}) AS s JOIN "Integrations" AS i ON i."Id" = s."IntegrationId"
            WHERE {currency} IS NOT NULL AND typeof({amount}) IN ('integer', 'real', 'text')
            GROUP BY i."Slug", i."Name", UPPER({currency})
            ORDER BY i."Name", UPPER({currency})
            """;
    }

    /// <summary>
    /// The same on PostgreSQL with jsonb operators. Payloads are JSON (ingest parses them); a text amount counts only
    /// when it reads as a number, where SQLite's CAST would count other text as zero.
    /// </summary>
    private static string PostgresSql(string statuses)
    {
        const string amount = """COALESCE(s.p -> 'amount', s.p -> 'total', s.p -> 'Amount', s.p -> 'Total')""";
        const string AmountText = $"""TRIM(BOTH '"' FROM CAST({amount} AS text))""";
        const string currency = """UPPER(COALESCE(s.p ->> 'currency', s.p ->> 'currencyCode', s.p ->> 'CurrencyCode'))""";
        return $"""
            SELECT i."Slug" AS "Slug", i."Name" AS "Name", {currency} AS "Currency",
                   CAST(SUM(ROUND(CAST({AmountText} AS numeric) * 1000)) AS bigint) AS "Thousandths",
                   CAST(COUNT(*) AS integer) AS "Records", MIN(s."CreatedAt") AS "Oldest"
            FROM (SELECT t."IntegrationId", t."CreatedAt", CAST(t."Payload" AS jsonb) AS p
                  FROM ({Sample(statuses, MaxRecords, postgres: true)}) AS t) AS s
            JOIN "Integrations" AS i ON i."Id" = s."IntegrationId"
            WHERE {currency} IS NOT NULL
              AND (jsonb_typeof({amount}) = 'number'
                   OR (jsonb_typeof({amount}) = 'string' AND {AmountText} ~ '^\s*-?[0-9]+(\.[0-9]+)?\s*$'))
            GROUP BY i."Slug", i."Name", {currency}
            ORDER BY i."Name", {currency}
            """;
    }
}
