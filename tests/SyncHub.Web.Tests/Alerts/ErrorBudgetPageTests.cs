using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using SyncHub.Connectors;
using SyncHub.Data;
using SyncHub.Data.Entities;
using SyncHub.TestUtils;
using SyncHub.Web.Security;
using SyncHub.Web.Tests.Support;

namespace SyncHub.Web.Tests.Alerts;

public sealed class ErrorBudgetPageTests(SyncHubWebFactory factory) : IClassFixture<SyncHubWebFactory>
{
    [Theory]
    [InlineData("budget-ok", 0, "ok", "0 % used", "status-delivered")]
    [InlineData("budget-warn", 3, "warning", "150 % used", "badge-transient")]
    [InlineData("budget-out", 10, "exhausted", "500 % used", "status-failed")]
    public async Task Dashboard_ShowsBurnWithItsLevel(string slug, int failed, string level, string text, string css)
    {
        await SeedAttemptsAsync(slug, 200 - failed, failed);
        using var browser = await Browser.SignedInAsync(factory, Roles.Viewer);

        var page = await browser.OpenAsync("/");

        var budget = page.Single($"#error-budget-{slug}");
        budget.GetAttribute("data-level").ShouldBe(level);
        budget.Single(".badge").TextContent.ShouldBe(text);
        budget.Single(".badge").ClassList.ShouldContain(css);
    }

    [Fact]
    public async Task PauseAndResume_FromSchedulePage_AreShownAndAudited()
    {
        using var api = factory.CreateApiClient();
        await api.EnsureIntegrationAsync("budget-pause");
        using var browser = await Browser.SignedInAsync(factory);
        await browser.OpenAsync("/schedules/budget-pause");

        using var paused = await browser.FormPostAsync("/schedules/budget-pause?handler=Pause", [new("PauseReason", "Destination maintenance")]);

        var page = Html.Parse(await paused.Content.ReadAsStringAsync());
        page.Single("#paused-notice").TextContent.ShouldContain("Destination maintenance");
        page.Single("#resume").ShouldNotBeNull();
        var dashboard = await browser.OpenAsync("/");
        dashboard.Single("#stopped-budget-pause").TextContent.ShouldContain("Destination maintenance");

        await browser.OpenAsync("/schedules/budget-pause");
        using var resumed = await browser.FormPostAsync("/schedules/budget-pause?handler=Resume");

        Html.Parse(await resumed.Content.ReadAsStringAsync()).Single("#pause").ShouldNotBeNull();
        await using var db = await Db();
        var audit = await db.AuditLog.Where(a => a.Target == "integration budget-pause").OrderBy(a => a.Id).Select(a => a.Action).ToListAsync();
        audit.ShouldBe(["integration.create", "integration.pause", "integration.resume"]); // the test creates it through the API, which audits it
    }

    [Fact]
    public async Task Pause_Operator_IsRefused()
    {
        using var api = factory.CreateApiClient();
        await api.EnsureIntegrationAsync("budget-operator");
        using var admin = await Browser.SignedInAsync(factory);
        await admin.OpenAsync("/schedules/budget-operator");
        using var browser = await Browser.SignedInAsync(factory, Roles.Operator);
        await browser.OpenAsync("/alerts");

        using var response = await browser.FormPostAsync("/schedules/budget-operator?handler=Pause", [new("PauseReason", "no")]);

        response.StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Redirect);
        await using var db = await Db();
        (await db.Integrations.SingleAsync(i => i.Slug == "budget-operator")).PausedAt.ShouldBeNull();
    }

    [Fact]
    public async Task SaveBudget_ValidAndInvalid()
    {
        using var api = factory.CreateApiClient();
        await api.EnsureIntegrationAsync("budget-form");
        using var browser = await Browser.SignedInAsync(factory);
        await browser.OpenAsync("/schedules/budget-form");

        using var bad = await browser.FormPostAsync("/schedules/budget-form?handler=Budget",
            [new("Budget.Percent", "0"), new("Budget.WindowHours", "24"), new("Budget.PauseOnExhausted", "true")]);
        Html.Parse(await bad.Content.ReadAsStringAsync()).Single("[data-valmsg-for='Budget.Percent']").TextContent.ShouldContain("between 0.01 and 100");

        using var good = await browser.FormPostAsync("/schedules/budget-form?handler=Budget",
            [new("Budget.Percent", "2.5"), new("Budget.WindowHours", "12"), new("Budget.PauseOnExhausted", "true")]);
        Html.Parse(await good.Content.ReadAsStringAsync()).Single("#saved").TextContent.ShouldContain("Error budget saved");
        await using var db = await Db();
        var integration = await db.Integrations.SingleAsync(i => i.Slug == "budget-form");
        (integration.ErrorBudgetPercent, integration.ErrorBudgetWindowHours, integration.PauseOnBudgetExhausted).ShouldBe((2.5, 12, true));
        (await db.AuditLog.CountAsync(a => a.Action == "integration.error-budget" && a.Target == "integration budget-form")).ShouldBe(1);
    }

    private async Task SeedAttemptsAsync(string slug, int succeeded, int failed)
    {
        using var api = factory.CreateApiClient();
        await api.EnsureIntegrationAsync(slug);
        var recordId = await api.IngestAsync(slug, "INV-" + slug);
        await using var db = await Db();
        var integration = await db.Integrations.SingleAsync(i => i.Slug == slug);
        if (await db.Attempts.AnyAsync(a => a.IntegrationId == integration.Id))
        {
            return;
        }

        var now = factory.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        db.Attempts.AddRange(Enumerable.Range(0, succeeded + failed).Select(i => new SyncAttempt
        {
            RecordId = recordId,
            IntegrationId = integration.Id,
            Status = i < failed ? AttemptStatus.Failed : AttemptStatus.Succeeded,
            ErrorClass = i < failed ? ErrorClass.Transient : null,
            StartedAt = now.AddMinutes(-5),
            FinishedAt = now.AddMinutes(-5),
        }));
        await factory.Services.SaveThroughGateAsync(db);
    }

    private Task<SyncHubDbContext> Db() => factory.Services.GetRequiredService<IDbContextFactory<SyncHubDbContext>>().CreateDbContextAsync();
}
