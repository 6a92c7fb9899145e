using Shouldly;
using SyncHub.Connectors;
using SyncHub.Core.Alerts;
using SyncHub.Data.Entities;
using SyncHub.TestUtils;
using Xunit;

namespace SyncHub.Core.Tests.Alerts;

public sealed class AlertRulesTests
{
    [Fact]
    public async Task Save_ThresholdChange_AppliesAndIsAudited()
    {
        await using var harness = await EngineHarness.StartAsync();
        var books = await harness.CreateIntegrationAsync("books");
        await harness.AddAttemptsAsync(books, 3, ErrorClass.Transient, 503);

        (await harness.Get<AlertRules>().SaveAsync(new AlertRuleSettingRequest("server-errors", true, 3, 10), "admin", CancellationToken.None)).ShouldBeNull();
        await harness.EvaluateAsync();

        (await harness.OpenAlertsAsync("server-errors")).ShouldHaveSingleItem();
        var audit = (await harness.AuditLogAsync()).Where(a => a.Action == "alert-rule.update").ShouldHaveSingleItem();
        audit.Actor.ShouldBe("admin");
        audit.Detail!.ShouldContain("threshold 3");
    }

    [Fact]
    public async Task Save_DisablingRule_ResolvesItsOpenAlerts()
    {
        await using var harness = await EngineHarness.StartAsync();
        var books = await harness.CreateIntegrationAsync("books");
        await harness.AddAttemptsAsync(books, 5, ErrorClass.Transient, 503);
        await harness.EvaluateAsync();

        await harness.Get<AlertRules>().SaveAsync(new AlertRuleSettingRequest("server-errors", false, 5, 5), "admin", CancellationToken.None);
        await harness.EvaluateAsync();

        (await harness.AlertsAsync("server-errors")).ShouldHaveSingleItem().Status.ShouldBe(AlertStatus.Resolved);
    }

    [Theory]
    [InlineData("server-errors", 0, 5, "threshold")]
    [InlineData("server-errors", 5, 0, "windowMinutes")]
    [InlineData("server-errors", 5, 20_000, "windowMinutes")]
    [InlineData("no-such-rule", 5, 5, "rule")]
    public async Task Save_Invalid_NamesTheFieldAndChangesNothing(string rule, double threshold, int window, string field)
    {
        await using var harness = await EngineHarness.StartAsync();

        var errors = await harness.Get<AlertRules>().SaveAsync(new AlertRuleSettingRequest(rule, true, threshold, window), "admin", CancellationToken.None);

        errors.ShouldNotBeNull().ToDictionary().Keys.ShouldContain(field);
        (await harness.AuditLogAsync()).ShouldBeEmpty();
    }
}
