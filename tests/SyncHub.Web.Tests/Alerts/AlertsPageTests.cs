using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using SyncHub.Data;
using SyncHub.Data.Entities;
using SyncHub.TestUtils;
using SyncHub.Web.Security;
using SyncHub.Web.Tests.Support;

namespace SyncHub.Web.Tests.Alerts;

public sealed class AlertsPageTests(SyncHubWebFactory factory) : IClassFixture<SyncHubWebFactory>
{
    [Fact]
    public async Task Index_Viewer_SeesOpenAlertsFirstAndTheNavCountButNoRuleInputs()
    {
        var (open, resolved) = await SeedAlertsAsync("view");
        using var browser = await Browser.SignedInAsync(factory, Roles.Viewer);

        var page = await browser.OpenAsync("/alerts");

        var openRow = page.Single("#open-alerts").Single($"#alert-{open}");
        openRow.TextContent.ShouldContain("Sustained server errors");
        openRow.TextContent.ShouldContain("7 server errors");
        openRow.Single("[data-occurrences]").TextContent.ShouldContain("3");
        openRow.Single("a").GetAttribute("href").ShouldBe("/failed?integration=books-view");
        page.Single("#past-alerts").Single($"#alert-{resolved}").TextContent.ShouldContain("Credentials expired");
        page.Single("#open-alert-count").TextContent.Trim().ShouldMatch(@"^\d+ open$");
        page.Body!.TextContent.ShouldNotContain("is not valid");
        page.Single("#rule-server-errors").TextContent.ShouldContain("5xx answers");
        page.QuerySelector("#rule-form-server-errors").ShouldBeNull();
    }

    [Fact]
    public async Task SaveRule_Viewer_IsRefused()
    {
        using var browser = await Browser.SignedInAsync(factory, Roles.Viewer);
        await browser.OpenAsync("/alerts");

        using var response = await browser.FormPostAsync("/alerts?handler=Rule", RuleForm("server-errors", "3", "10"));

        response.StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Redirect);
        (await RuleAsync("server-errors")).ShouldBeNull();
    }

    [Fact]
    public async Task SaveRule_Administrator_IsStoredShownAndAudited()
    {
        using var browser = await Browser.SignedInAsync(factory);
        await browser.OpenAsync("/alerts");

        using var response = await browser.FormPostAsync("/alerts?handler=Rule", RuleForm("delivery-lag", "3", "45"));

        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        page.Single("#saved").TextContent.ShouldContain("delivery-lag");
        page.Single("#rule-delivery-lag input[name='Rule.WindowMinutes']").GetAttribute("value").ShouldBe("45");
        var stored = (await RuleAsync("delivery-lag")).ShouldNotBeNull();
        stored.Threshold.ShouldBe(3);
        await using var db = await Db();
        (await db.AuditLog.AnyAsync(a => a.Action == "alert-rule.update" && a.Target == "alert rule delivery-lag")).ShouldBeTrue();
    }

    [Fact]
    public async Task SaveRule_BadThreshold_NamesItAndChangesNothing()
    {
        using var browser = await Browser.SignedInAsync(factory);
        await browser.OpenAsync("/alerts");

        using var response = await browser.FormPostAsync("/alerts?handler=Rule", RuleForm("new-error-class", "-1", "15"));

        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        page.Single(".validation-summary").TextContent.ShouldContain("above 0");
        page.QuerySelector("#saved").ShouldBeNull();
        (await RuleAsync("new-error-class")).ShouldBeNull();
    }

    [Fact]
    public async Task Index_Administrator_OffersOnlyTheSettingsEachRuleUses()
    {
        using var browser = await Browser.SignedInAsync(factory);

        var page = await browser.OpenAsync("/alerts");

        string[] TypesIn(string rule) =>
            [.. page.Single($"#rule-{rule}").QuerySelectorAll("input[name='Rule.Threshold'], input[name='Rule.WindowMinutes']").Select(i => i.GetAttribute("type")!)];
        TypesIn("server-errors").ShouldBe(["number", "number"]);
        TypesIn("credentials-expired").ShouldBe(["hidden", "hidden"]);
        TypesIn("breaker-open").ShouldBe(["number", "hidden"]);
        TypesIn("error-budget").ShouldBe(["number", "hidden"]);
        page.Single("#rule-credentials-expired").TextContent.ShouldContain("—");
    }

    private static KeyValuePair<string, string>[] RuleForm(string rule, string threshold, string window) =>
        [new("Rule.Rule", rule), new("Rule.Enabled", "true"), new("Rule.Threshold", threshold), new("Rule.WindowMinutes", window)];

    private async Task<(long Open, long Resolved)> SeedAlertsAsync(string suffix)
    {
        using var api = factory.CreateApiClient();
        await api.EnsureIntegrationAsync("books-" + suffix);
        await using var db = await Db();
        var integration = await db.Integrations.SingleAsync(i => i.Slug == "books-" + suffix);
        var now = DateTimeOffset.UtcNow;
        var open = new Alert
        {
            Rule = "server-errors", Subject = integration.Slug, IntegrationId = integration.Id, Status = AlertStatus.Open, Title = "Sustained server errors",
            Detail = "7 server errors (5xx) in the last 5 min.", OpenedAt = now.AddMinutes(-3), UpdatedAt = now, Occurrences = 3,
        };
        var resolved = new Alert
        {
            Rule = "credentials-expired", Subject = integration.Slug, IntegrationId = integration.Id, Status = AlertStatus.Resolved, Title = "Credentials expired",
            Detail = "Refresh token revoked", OpenedAt = now.AddHours(-2), UpdatedAt = now.AddHours(-1), ResolvedAt = now.AddHours(-1),
        };
        db.Alerts.AddRange(open, resolved);
        await factory.Services.SaveThroughGateAsync(db);
        return (open.Id, resolved.Id);
    }

    private async Task<AlertRuleSetting?> RuleAsync(string rule)
    {
        await using var db = await Db();
        return await db.AlertRules.AsNoTracking().SingleOrDefaultAsync(r => r.Rule == rule);
    }

    private Task<SyncHubDbContext> Db() => factory.Services.GetRequiredService<IDbContextFactory<SyncHubDbContext>>().CreateDbContextAsync();
}
