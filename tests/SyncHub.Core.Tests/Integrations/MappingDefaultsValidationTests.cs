using System.Text.Json;
using Shouldly;
using SyncHub.Core.Integrations;
using SyncHub.TestUtils;

namespace SyncHub.Core.Tests.Integrations;

public sealed class MappingDefaultsValidationTests
{
    public static TheoryData<string> InvalidDefaults => new()
    {
        "[1, 2]",
        "\"date\"",
        """{"date": null}""",
        """{"": 1}""",
        """{"deep": {"a": {"b": {"c": {"d": {"e": {"f": 1}}}}}}}""",
        "{" + string.Join(", ", Enumerable.Range(0, 101).Select(i => $"\"f{i}\": {i}")) + "}",
        """{"big": "[[big]]"}""".Replace("[[big]]", new string('x', 20_000), StringComparison.Ordinal),
    };

    [Theory]
    [MemberData(nameof(InvalidDefaults))]
    public async Task Create_InvalidMappingDefaults_RefusedNamingTheField(string defaults)
    {
        await using var engine = await EngineHarness.StartAsync();
        using var json = JsonDocument.Parse(defaults);

        var result = await engine.Get<IntegrationService>().CreateAsync(
            new CreateIntegrationRequest("books", "Books", "fake", null, null, null, json.RootElement), CancellationToken.None);

        result.Outcome.ShouldBe(CreateIntegrationOutcome.Invalid);
        result.Errors!.ToDictionary().Keys.ShouldBe(["mappingDefaults"]);
        (await engine.Get<IntegrationService>().FindAsync("books", CancellationToken.None)).ShouldBeNull();
    }

    [Fact]
    public async Task Create_ValidMappingDefaults_Stored()
    {
        await using var engine = await EngineHarness.StartAsync();

        var integration = await engine.CreateIntegrationAsync(mappingDefaults: """{"date": "2026-01-01", "lines": [{"qty": 1}]}""");

        integration.MappingDefaultsJson.ShouldBe("""{"date": "2026-01-01", "lines": [{"qty": 1}]}""");
    }
}
