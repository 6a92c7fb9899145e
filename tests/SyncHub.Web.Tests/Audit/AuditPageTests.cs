using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using SyncHub.Core.Failures;
using SyncHub.Data;
using SyncHub.Data.Entities;
using SyncHub.TestUtils;
using SyncHub.Web.Security;
using SyncHub.Web.Tests.Support;

namespace SyncHub.Web.Tests.Audit;

/// <summary>/audit: administrators read the log newest first, filtered and keyset-paged; nobody changes it there.</summary>
public sealed class AuditPageTests(SyncHubWebFactory factory) : IClassFixture<SyncHubWebFactory>
{
    private static readonly DateTimeOffset Day = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Index_FilteredByActorAndAction_ShowsOnlyMatchesNewestFirstWithLabels()
    {
        await SeedAsync("filter-ana@test.local", AuditActions.Dismiss, 3);
        await SeedAsync("filter-ana@test.local", AuditActions.Archive, 2);
        await SeedAsync("filter-bob@test.local", AuditActions.Dismiss, 2);
        using var admin = await Browser.SignedInAsync(factory);

        var page = await admin.OpenAsync($"/audit?actor=filter-ana&action={AuditActions.Dismiss}");

        var rows = Rows(page);
        rows.Count.ShouldBe(3);
        rows.ShouldAllBe(r => r.Children[1].TextContent.Trim() == "filter-ana@test.local");
        rows.ShouldAllBe(r => r.Children[2].TextContent.Trim() == "Dismissed a record");
        Ids(rows).ShouldBe(Ids(rows).OrderDescending());
        page.QuerySelectorAll("#filter-action option").Select(o => o.GetAttribute("value")).ShouldContain(AuditActions.EditRetry);
    }

    [Fact]
    public async Task Index_FilteredByTargetAndDateRange_LeavesOutOtherDays()
    {
        await SeedAsync("range@test.local", AuditActions.Retry, 1, at: Day.AddDays(-2), target: "record 777001");
        await SeedAsync("range@test.local", AuditActions.Retry, 1, at: Day, target: "record 777002");
        await SeedAsync("range@test.local", AuditActions.Retry, 1, at: Day.AddDays(2), target: "record 777003");
        using var admin = await Browser.SignedInAsync(factory);

        var page = await admin.OpenAsync("/audit?target=record%207770&from=2026-03-09&to=2026-03-10");

        var rows = Rows(page);
        rows.Select(r => r.Children[3].TextContent.Trim()).ShouldBe(["record 777002"]);
        rows[0].Children[3].QuerySelector("a")!.GetAttribute("href").ShouldBe("/records/777002");
    }

    [Fact]
    public async Task ListFragment_MoreThanOnePage_NextPageContinuesWhereTheFirstEnded()
    {
        await SeedAsync("pager@test.local", AuditActions.Restore, 60);
        using var admin = await Browser.SignedInAsync(factory);

        var first = await admin.OpenAsync("/audit?actor=pager@test.local");
        var next = first.Single("#next-page").GetAttribute("hx-get")!;
        using var response = await admin.HtmxGetAsync(next);
        var html = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK, html);
        var second = Html.Parse(html);
        second.QuerySelector("html > head > title").ShouldBeNull();
        Rows(first).Count.ShouldBe(50);
        Rows(second).Count.ShouldBe(10);
        Ids(Rows(second)).Max().ShouldBeLessThan(Ids(Rows(first)).Min());
        second.QuerySelector("#next-page").ShouldBeNull();
        second.ShouldHave("#first-page");
    }

    [Fact]
    public async Task Index_DetailWithMarkup_IsEncodedAndTruncated()
    {
        var detail = "<script>alert(1)</script>" + new string('x', 400);
        await SeedAsync("encode@test.local", AuditActions.EditRetry, 1, detail: detail);
        using var admin = await Browser.SignedInAsync(factory);

        using var response = await admin.Client.GetAsync("/audit?actor=encode@test.local");
        var html = await response.Content.ReadAsStringAsync();

        html.ShouldNotContain("<script>alert(1)</script>");
        var cell = Rows(Html.Parse(html)).Single().Children[4];
        cell.TextContent.ShouldStartWith("<script>alert(1)</script>");
        cell.TextContent.Length.ShouldBeLessThan(200);
        cell.TextContent.ShouldEndWith("…");
    }

    [Theory]
    [InlineData(Roles.Viewer)]
    [InlineData(Roles.Operator)]
    public async Task Index_AsViewerOrOperator_RedirectsToDenied(string role)
    {
        using var browser = await Browser.SignedInAsync(factory, role);

        using var response = await browser.Client.GetAsync("/audit");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location?.AbsolutePath.ShouldBe("/account/denied");
    }

    [Fact]
    public async Task Post_WithValidToken_IsRefusedAndChangesNothing()
    {
        await SeedAsync("post@test.local", AuditActions.Dismiss, 1);
        using var admin = await Browser.SignedInAsync(factory);
        await admin.OpenAsync("/audit");
        var before = await CountAsync();

        using var plain = await admin.FormPostAsync("/audit", [new("id", "1")]);
        using var named = await admin.FormPostAsync("/audit?handler=Delete", [new("id", "1")]);

        plain.StatusCode.ShouldBe(HttpStatusCode.MethodNotAllowed);
        named.StatusCode.ShouldBe(HttpStatusCode.MethodNotAllowed);
        (await CountAsync()).ShouldBe(before);
    }

    private static List<IElement> Rows(IDocument page) => [.. page.QuerySelectorAll("#audit-entries tbody tr")];

    private static List<long> Ids(List<IElement> rows) => [.. rows.Select(r => long.Parse(r.Id!["audit-".Length..], System.Globalization.CultureInfo.InvariantCulture))];

    private async Task SeedAsync(string actor, string action, int count, DateTimeOffset? at = null, string? target = null, string? detail = null)
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<SyncHubDbContext>>().CreateDbContextAsync();
        for (var i = 0; i < count; i++)
        {
            db.AuditLog.Add(new AuditEntry { At = (at ?? Day).AddMinutes(i), Actor = actor, Action = action, Target = target ?? $"record {i + 1}", Detail = detail });
        }

        await factory.Services.SaveThroughGateAsync(db);
    }

    private async Task<int> CountAsync()
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<SyncHubDbContext>>().CreateDbContextAsync();
        return await db.AuditLog.CountAsync();
    }
}
