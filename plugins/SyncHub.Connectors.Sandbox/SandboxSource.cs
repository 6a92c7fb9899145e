using System.Globalization;
using System.Text.Json;
using SyncHub.Connectors;

namespace SyncHub.Connectors.Sandbox;

/// <summary>
/// The simulated source's records: record i changes at Start + i × Every and exists once that time has
/// passed, so later runs see new records. The same inputs always give the same records.
/// </summary>
internal static class SandboxSource
{
    public static SourcePage Read(SandboxSourceSettings settings, SourceQuery query, DateTimeOffset now)
    {
        var first = FirstIndexAtOrAfter(settings, query.ChangedFrom);
        if (query.Cursor is not null && (!int.TryParse(query.Cursor, NumberStyles.None, CultureInfo.InvariantCulture, out first) || first < 0))
        {
            return SourcePage.Failed(ErrorClass.Validation, "The cursor is not one this source handed out.");
        }

        var upTo = query.ChangedTo is { } to && to < now ? to : now;
        var records = new List<SourceRecord>();
        var index = first;
        for (; index < settings.Records && records.Count < Math.Max(1, query.PageSize); index++)
        {
            var changedAt = ChangedAt(settings, index);
            if (changedAt >= upTo || (changedAt == now && query.ChangedTo is null))
            {
                break;
            }

            records.Add(new SourceRecord(settings.EntityType, $"SBX-SRC-{index:D6}", Payload(settings, index, changedAt), changedAt));
        }

        var more = index < settings.Records && ChangedAt(settings, index) < upTo;
        return SourcePage.Of(records, more ? index.ToString(CultureInfo.InvariantCulture) : null);
    }

    private static DateTimeOffset ChangedAt(SandboxSourceSettings settings, int index) => settings.Start + (settings.Every * index);

    private static int FirstIndexAtOrAfter(SandboxSourceSettings settings, DateTimeOffset? from)
    {
        if (from is not { } start || start <= settings.Start)
        {
            return 0;
        }

        var steps = (start - settings.Start) / settings.Every;
        return (int)Math.Min(settings.Records, Math.Ceiling(steps));
    }

    private static string Payload(SandboxSourceSettings settings, int index, DateTimeOffset changedAt)
    {
        if (settings.SchemaMismatchEvery > 0 && (index + 1) % settings.SchemaMismatchEvery == 0)
        {
            // A provider that changed its shape: a list where an object was expected.
            return JsonSerializer.Serialize(new object[] { $"SBX-SRC-{index:D6}", index });
        }

        return JsonSerializer.Serialize(new
        {
            number = $"INV-{10000 + index}",
            contact = $"Customer {index % 17}",
            amount = Math.Round(((index * 37) % 1000) + 0.5, 2),
            currency = "EUR",
            date = changedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        });
    }
}
