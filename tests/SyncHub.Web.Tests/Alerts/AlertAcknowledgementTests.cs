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

/// <summary>Acknowledging an open alert, from the alerts page (operators) and the API: who and when are kept, and audited once.</summary>
public sealed class AlertAcknowledgementTests(SyncHubWebFactory factory) : IClassFixture<SyncHubWebFactory>
{
    [Fact]
    public async Task Acknowledge_ThroughTheApi_KeepsWhoAndNoteAndAuditsOnce()
    {
        var id = await SeedAlertAsync(AlertStatus.Open);
        using var api = factory.CreateApiClient();

        using var first = await api.PostJsonAsync($"/api/v1/alerts/{id}/acknowledge", """{"note": "Calling the provider"}""");
        using var second = await api.PostAsync($"/api/v1/alerts/{id}/acknowledge", null);

        first.StatusCode.ShouldBe(HttpStatusCode.OK, await first.Content.ReadAsStringAsync());
        var acknowledged = await first.ReadJsonAsync();
        acknowledged.GetProperty("acknowledgedBy").GetString().ShouldBe("configured key");
        acknowledged.GetProperty("acknowledgeNote").GetString().ShouldBe("Calling the provider");
        acknowledged.GetProperty("status").GetString().ShouldBe("open");
        second.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await second.ReadJsonAsync()).GetProperty("acknowledgedAt").GetDateTimeOffset()
            .ShouldBe(acknowledged.GetProperty("acknowledgedAt").GetDateTimeOffset(), TimeSpan.FromMilliseconds(1));
        var audit = await api.GetJsonAsync($"/api/v1/audit?action=alert.acknowledge&target=alert%20{id}");
        var entry = audit.GetProperty("items").EnumerateArray().ShouldHaveSingleItem();
        entry.GetProperty("label").GetString().ShouldBe("Acknowledged an alert");
        entry.GetProperty("detail").GetString()!.ShouldContain("Calling the provider");
    }

    [Fact]
    public async Task Acknowledge_ResolvedOrUnknownOrLongNote_Answers409Or404Or400()
    {
        var resolved = await SeedAlertAsync(AlertStatus.Resolved);
        var open = await SeedAlertAsync(AlertStatus.Open);
        using var api = factory.CreateApiClient();

        using var late = await api.PostAsync($"/api/v1/alerts/{resolved}/acknowledge", null);
        using var unknown = await api.PostAsync("/api/v1/alerts/987654/acknowledge", null);
        using var wordy = await api.PostJsonAsync($"/api/v1/alerts/{open}/acknowledge", $$"""{"note": "{{new string('n', 501)}}"}""");

        await late.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await unknown.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await wordy.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        (await wordy.ReadJsonAsync()).GetProperty("errors").TryGetProperty("note", out _).ShouldBeTrue();
        (await AlertAsync(open)).AcknowledgedAt.ShouldBeNull();
    }

    [Fact]
    public async Task AcknowledgeButton_Operator_ShowsWhoAcknowledged()
    {
        var id = await SeedAlertAsync(AlertStatus.Open);
        using var browser = await Browser.SignedInAsync(factory, Roles.Operator);
        var before = await browser.OpenAsync("/alerts");
        before.Single($"#acknowledge-alert-{id}").TextContent.ShouldBe("Acknowledge");

        using var response = await browser.FormPostAsync($"/alerts?handler=Acknowledge&id={id}", [new("note", "On it")]);

        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.Single("#saved").TextContent.ShouldContain("Alert acknowledged");
        var cell = page.Single($"#alert-{id}-acknowledged").TextContent;
        cell.ShouldContain("by operator@test.local");
        cell.ShouldContain("On it");
        page.QuerySelector($"#acknowledge-alert-{id}").ShouldBeNull();
    }

    [Fact]
    public async Task AcknowledgeButton_Viewer_IsHiddenAndThePostRefused()
    {
        var id = await SeedAlertAsync(AlertStatus.Open);
        using var browser = await Browser.SignedInAsync(factory, Roles.Viewer);
        var page = await browser.OpenAsync("/alerts");

        using var response = await browser.FormPostAsync($"/alerts?handler=Acknowledge&id={id}", [new("note", "Mine")]);

        page.QuerySelector($"#acknowledge-alert-{id}").ShouldBeNull();
        response.StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Redirect);
        (await AlertAsync(id)).AcknowledgedAt.ShouldBeNull();
    }

    private async Task<long> SeedAlertAsync(AlertStatus status)
    {
        var now = factory.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<SyncHubDbContext>>().CreateDbContextAsync();
        var alert = new Alert
        {
            Rule = "server-errors", Subject = "books-" + Guid.NewGuid().ToString("N")[..6], Status = status, Title = "Sustained server errors",
            Detail = "7 server errors in 5 minutes", OpenedAt = now, UpdatedAt = now, ResolvedAt = status == AlertStatus.Resolved ? now : null,
        };
        db.Alerts.Add(alert);
        await factory.Services.SaveThroughGateAsync(db);
        return alert.Id;
    }

    private async Task<Alert> AlertAsync(long id)
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<SyncHubDbContext>>().CreateDbContextAsync();
        return await db.Alerts.AsNoTracking().SingleAsync(a => a.Id == id);
    }
}
