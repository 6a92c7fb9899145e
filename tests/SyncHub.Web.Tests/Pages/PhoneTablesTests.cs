using Shouldly;
using SyncHub.Connectors;
using SyncHub.TestUtils;
using SyncHub.Web.Tests.Support;

namespace SyncHub.Web.Tests.Pages;

/// <summary>
/// On a phone a stacked table shows each cell under its column's name, which the cell carries as <c>data-label</c>;
/// a cell without one would show a value with no name beside it.
/// </summary>
public sealed class PhoneTablesTests(SyncHubWebFactory factory) : IClassFixture<SyncHubWebFactory>
{
    [Fact]
    public async Task Pages_WithRows_EveryCellOfAStackedTableIsLabelled()
    {
        using var api = factory.CreateApiClient();
        await api.EnsureIntegrationAsync("phone-books");
        var failed = await api.IngestAsync("phone-books", "P-1");
        factory.Gateway.ThenFail(ErrorClass.Validation, "Contact is required", 400);
        await factory.DeliverPendingAsync();
        using var browser = await Browser.SignedInAsync(factory);

        string[] pages = ["/failed", $"/records/{failed}", "/audit", "/integrations", "/plugins", "/users", "/runs", "/alerts", "/notifications", "/reviews", "/api-keys"];
        var stackedRows = 0;
        foreach (var url in pages)
        {
            var page = await browser.OpenAsync(url);
            foreach (var row in page.QuerySelectorAll("table.stack-on-phone tbody tr"))
            {
                stackedRows++;
                row.QuerySelectorAll("td").Where(td => !td.HasAttribute("data-label"))
                    .Select(td => $"{url} #{row.Id}: {td.TextContent.Trim()}").ShouldBeEmpty();
            }
        }

        stackedRows.ShouldBeGreaterThanOrEqualTo(6, "rows on the failed list, record, audit, integrations, plugins and users pages");
    }
}
