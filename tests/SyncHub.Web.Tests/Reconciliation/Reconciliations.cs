using System.Globalization;
using System.Text.Json;
using SyncHub.TestUtils;
using SyncHub.Web.Tests.Support;

namespace SyncHub.Web.Tests.Reconciliation;

/// <summary>Sets the scene for reconciliation tests through the API: records delivered to the fake destination today.</summary>
internal static class Reconciliations
{
    /// <summary>Today and tomorrow (UTC): the web host's clock is the real one, so records arrive today.</summary>
    public static (string From, string To) Today()
    {
        var today = DateTime.UtcNow.Date;
        return (today.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), today.AddDays(1).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
    }

    public static string Day(int offset = 0) => DateTime.UtcNow.Date.AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A fake-destination integration whose records <paramref name="sourceIds"/> were delivered.</summary>
    public static async Task DeliveredAsync(this SyncHubWebFactory factory, HttpClient api, string slug, params string[] sourceIds)
    {
        await api.CreateIntegrationAsync(slug, FakeDestinationGateway.Name);
        foreach (var sourceId in sourceIds)
        {
            await api.IngestAsync(slug, sourceId);
        }

        await factory.DeliverPendingAsync();
    }

    public static async Task<JsonElement> StartAsync(HttpClient api, string slug)
    {
        var (from, to) = Today();
        using var response = await api.PostJsonAsync($"/api/v1/integrations/{slug}/reconciliations", $$"""{"from": "{{from}}", "to": "{{to}}"}""");
        if (response.StatusCode != System.Net.HttpStatusCode.Accepted)
        {
            throw new InvalidOperationException(await response.Content.ReadAsStringAsync());
        }

        return await response.ReadJsonAsync();
    }

    public static Task<JsonElement> WaitForComparisonAsync(HttpClient api, long id) =>
        Eventually.MatchesAsync(() => api.GetJsonAsync($"/api/v1/reconciliations/{id}"), r => r.GetProperty("status").GetString() != "running", $"reconciliation {id} to compare");

    public static Task<JsonElement> WaitForResyncAsync(HttpClient api, long id) =>
        Eventually.MatchesAsync(() => api.GetJsonAsync($"/api/v1/reconciliations/{id}"),
            r => r.GetProperty("resync").GetProperty("status").GetString() is "completed" or "cancelled", $"reconciliation {id} to resync");
}
