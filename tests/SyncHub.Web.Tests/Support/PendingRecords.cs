using System.Text.Json;

namespace SyncHub.Web.Tests.Support;

/// <summary>Every pending record of an integration, read through the list API page by page.</summary>
internal static class PendingRecords
{
    public static async Task<IReadOnlyList<JsonElement>> PendingRecordsAsync(this HttpClient api, string slug)
    {
        var items = new List<JsonElement>();
        string? next = null;
        do
        {
            var page = await api.GetJsonAsync($"/api/v1/integrations/{slug}/records?status=pending&limit=200{(next is null ? "" : "&after=" + next)}");
            items.AddRange(page.GetProperty("items").EnumerateArray());
            next = page.GetProperty("next").GetString();
        }
        while (next is not null);

        return items;
    }
}
