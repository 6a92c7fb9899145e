using Microsoft.Data.Sqlite;
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

    private static readonly int[] Undelivered =
    [
        (int)RecordStatus.Pending, (int)RecordStatus.InFlight, (int)RecordStatus.Failed,
        (int)RecordStatus.DeadLetter, (int)RecordStatus.Blocked, (int)RecordStatus.NeedsReview,
    ];

    public async Task<MoneyAtRisk> LoadAsync(CancellationToken cancellationToken)
    {
        // The status list is made of enum constants, not input, so it is safe to inline; the cap is a parameter.
        var statuses = string.Join(", ", Undelivered);
        var sample = $"""
            SELECT "Id", "IntegrationId", "Payload", "CreatedAt" FROM "Records"
            WHERE "Status" IN ({statuses}) AND "ArchivedAt" IS NULL AND json_valid("Payload")
            ORDER BY "Id" LIMIT @cap
            """;
        const string amount = """
            COALESCE(json_extract(s."Payload", '$.amount'), json_extract(s."Payload", '$.total'),
                     json_extract(s."Payload", '$.Amount'), json_extract(s."Payload", '$.Total'))
            """;
        const string currency = """
            COALESCE(json_extract(s."Payload", '$.currency'), json_extract(s."Payload", '$.currencyCode'),
                     json_extract(s."Payload", '$.CurrencyCode'))
            """;
        var sql = $"""
            SELECT i."Slug" AS "Slug", i."Name" AS "Name", UPPER({currency}) AS "Currency",
                   SUM(CAST(ROUND(CAST({amount} AS REAL) * 1000) AS INTEGER)) AS "Thousandths",
                   COUNT(*) AS "Records", MIN(s."CreatedAt") AS "Oldest"
            FROM ({sample}) AS s JOIN "Integrations" AS i ON i."Id" = s."IntegrationId"
            WHERE {currency} IS NOT NULL AND typeof({amount}) IN ('integer', 'real', 'text')
            GROUP BY i."Slug", i."Name", UPPER({currency})
            ORDER BY i."Name", UPPER({currency})
            """;

        var count = $"""SELECT COUNT(*) AS "Value" FROM ({sample})""";
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Database.SqlQueryRaw<MoneyRow>(sql, new SqliteParameter("@cap", MaxRecords)).ToListAsync(cancellationToken);
        var read = await db.Database.SqlQueryRaw<int>(count, new SqliteParameter("@cap", MaxRecords + 1))
            .SingleAsync(cancellationToken);

        return new MoneyAtRisk(
            rows.Select(r => new MoneyAtRiskRow(r.Slug, r.Name, r.Currency, r.Thousandths / 1000m, r.Records, (DateTimeOffset)Converter.ConvertFromProvider(r.Oldest)!)).ToList(),
            read > MaxRecords);
    }
}
