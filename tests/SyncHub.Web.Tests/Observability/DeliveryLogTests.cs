using System.Globalization;
using Microsoft.Extensions.Logging;
using Shouldly;
using SyncHub.Connectors;
using SyncHub.TestUtils;
using SyncHub.Web.Tests.Support;

namespace SyncHub.Web.Tests.Observability;

/// <summary>
/// Background delivery has no HTTP request, yet its log lines about a record carry a trace id, the record, the
/// integration, the error class and the HTTP status, and never the payload at Information.
/// </summary>
public sealed class DeliveryLogTests(SyncHubWebFactory factory) : IClassFixture<SyncHubWebFactory>
{
    private const string PayloadMarker = "PAYLOAD-MARKER-7f3a";

    [Fact]
    public async Task BackgroundDeliveryFails_LogLine_CarriesTraceRecordIntegrationErrorClassAndHttpStatusButNoPayload()
    {
        using var api = factory.CreateApiClient();
        await api.CreateIntegrationAsync("traced");
        var first = await api.IngestAsync("traced", "INV-T1", $$"""{"amount": 5, "note": "{{PayloadMarker}}"}""");
        var second = await api.IngestAsync("traced", "INV-T2", $$"""{"amount": 6, "note": "{{PayloadMarker}}"}""");
        factory.Gateway.FailNextFor("INV-T1", ErrorClass.Validation, "Amount refused", 422).FailNextFor("INV-T2", ErrorClass.Validation, "Amount refused", 422);

        await factory.DeliverPendingAsync();

        var one = CompletedLine(first);
        one.Level.ShouldBe(LogLevel.Information);
        one.Property("Integration").ShouldBe("traced");
        one.Property("ErrorClass").ShouldBe("Validation");
        one.Property("HttpStatus").ShouldBe("422");
        one.Property("Trigger").ShouldBe("Delivery");
        one.Property("ErrorMessage").ShouldBe("Amount refused");
        one.Property("Status").ShouldBe("Failed");
        one.Property("TraceId").ShouldNotBeNull().Length.ShouldBe(32);
        one.Property("SpanId").ShouldNotBeNull().Length.ShouldBe(16);
        CompletedLine(second).Property("TraceId").ShouldNotBe(one.Property("TraceId"), "each attempt is its own trace");
        factory.Logs.Entries.Where(e => e.Level >= LogLevel.Information)
            .ShouldAllBe(e => !e.Message.Contains(PayloadMarker) && !e.Properties.Values.Any(v => v != null && v.ToString()!.Contains(PayloadMarker)));
    }

    [Fact]
    public async Task FailureLogLine_CarriesTheProvidersMessage_ClippedAndWithoutCredentials()
    {
        using var api = factory.CreateApiClient();
        await api.CreateIntegrationAsync("traced-body");
        var id = await api.IngestAsync("traced-body", "INV-T3");
        const string token = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJzeW5jaHViIn0.c2lnbmF0dXJlLXNpZ25hdHVyZQ";
        var echoed = $"Rejected: {{\"error\": \"amount\", \"request\": {{\"Authorization\": \"Bearer {token}\"}}, \"trace\": \"{new string('x', 3000)}\"}}";
        factory.Gateway.FailNextFor("INV-T3", ErrorClass.Validation, echoed, 400);

        await factory.DeliverPendingAsync();

        var message = CompletedLine(id).Property("ErrorMessage").ShouldNotBeNull();
        message.ShouldStartWith("Rejected: {\"error\": \"amount\"");
        message.Length.ShouldBeLessThanOrEqualTo(501, "clipped to 500 characters and an ellipsis");
        message.ShouldNotContain(token);
    }

    [Fact]
    public void ShippedSettings_LogFailuresAtInformation()
    {
        var settings = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(SyncHub.Web.Tests.OpenApi.OpenApiDocumentTests.RepoRoot(), "appsettings.json")))!;
        var levels = settings["Logging"]!["LogLevel"]!.AsObject();
        var level = levels.TryGetPropertyValue("SyncHub.Core.Delivery.Completing.CompletionReport", out var own) ? own : levels["SyncHub"] ?? levels["Default"];
        ((int)Enum.Parse<LogLevel>(level!.GetValue<string>())).ShouldBeLessThanOrEqualTo((int)LogLevel.Information);
    }

    private CapturedLog CompletedLine(long recordId) =>
        factory.Logs.Entries.Single(e =>
            e.Category == "SyncHub.Core.Delivery.Completing.CompletionReport" && e.Property("ErrorClass") != null
            && e.Property("RecordId") == recordId.ToString(CultureInfo.InvariantCulture));
}
