using System.Globalization;
using System.Net;
using System.Text.Json;

namespace SyncHub.Crash.Tests;

/// <summary>A fixed set of source records, FEED-000000 onwards, one minute apart, served page by page as the webhook connector reads them.</summary>
public sealed class SourceFeed(int records)
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public int Records { get; } = records;

    public void Answer(HttpListenerContext context)
    {
        var query = context.Request.QueryString;
        var from = Time(query["changedFrom"]) ?? DateTimeOffset.MinValue;
        var to = Time(query["changedTo"]) ?? DateTimeOffset.MaxValue;
        var offset = int.TryParse(query["cursor"], NumberStyles.None, CultureInfo.InvariantCulture, out var cursor) ? cursor : 0;
        var limit = int.TryParse(query["limit"], NumberStyles.None, CultureInfo.InvariantCulture, out var size) ? size : 100;
        var matching = Enumerable.Range(0, Records).Where(i => Start.AddMinutes(i) >= from && Start.AddMinutes(i) < to).ToList();
        var page = matching.Skip(offset).Take(limit).Select(i => new
        {
            entityType = "order",
            sourceId = $"FEED-{i:D6}",
            payload = new { amount = i },
            changedAt = Start.AddMinutes(i).ToString("O", CultureInfo.InvariantCulture),
        }).ToList();
        var next = offset + page.Count < matching.Count ? (offset + page.Count).ToString(CultureInfo.InvariantCulture) : null;
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        context.Response.OutputStream.Write(JsonSerializer.SerializeToUtf8Bytes(new { records = page, next }));
        context.Response.Close();
    }

    private static DateTimeOffset? Time(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;
}
