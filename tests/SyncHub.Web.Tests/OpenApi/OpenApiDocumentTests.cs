using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using SyncHub.TestUtils;

namespace SyncHub.Web.Tests.OpenApi;

/// <summary>
/// The served document against the checked-in docs/openapi.json and the routing table. After a deliberate API change,
/// refresh the copy with <c>SYNCHUB_UPDATE_OPENAPI=1 dotnet test tests/SyncHub.Web.Tests --filter OpenApiDocumentTests</c>.
/// </summary>
public sealed class OpenApiDocumentTests(SyncHubWebFactory factory) : IClassFixture<SyncHubWebFactory>
{
    [Fact]
    public async Task ServedDocument_ComparedWithDocsOpenApiJson_IsTheSame()
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        var served = JsonNode.Parse(await client.GetStringAsync(ServedDocument.Path))!;
        var file = Path.Combine(RepoRoot(), "docs", "openapi.json");
        if (Environment.GetEnvironmentVariable("SYNCHUB_UPDATE_OPENAPI") == "1")
        {
            await File.WriteAllTextAsync(file, served.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n");
        }

        var checkedIn = JsonNode.Parse(await File.ReadAllTextAsync(file))!;

        JsonNode.DeepEquals(served, checkedIn).ShouldBeTrue(
            "docs/openapi.json differs from /openapi/v1.json; if the API change is meant, run SYNCHUB_UPDATE_OPENAPI=1 dotnet test tests/SyncHub.Web.Tests --filter OpenApiDocumentTests and commit the file.");
    }

    [Fact]
    public async Task RoutingTable_EveryApiRouteAndMethod_IsADocumentedOperationAndBack()
    {
        using var client = factory.CreateClient();
        var document = await ServedDocument.LoadAsync(client);
        var routes = factory.Services.GetServices<EndpointDataSource>()
            .SelectMany(source => source.Endpoints).OfType<RouteEndpoint>()
            .Where(e => (e.RoutePattern.RawText ?? "").TrimStart('/').StartsWith("api/v1/", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["ANY"])
                .Select(method => $"{method} {Template(e.RoutePattern.RawText!)}"))
            .ToHashSet(StringComparer.Ordinal);
        var documented = document.Operations().Select(o => $"{o.Method} {o.Path}").ToHashSet(StringComparer.Ordinal);

        routes.Count.ShouldBeGreaterThanOrEqualTo(40);
        routes.Except(documented).ShouldBeEmpty("in the routing table, not in the document");
        documented.Except(routes).ShouldBeEmpty("in the document, not in the routing table");
    }

    [Fact]
    public async Task Document_EveryOperation_HasAnIdSummaryTagParameterDescriptionsAndABodyExample()
    {
        using var client = factory.CreateClient();
        var document = await ServedDocument.LoadAsync(client);

        var gaps = new List<string>();
        foreach (var (method, path, operation) in document.Operations())
        {
            var name = $"{method} {path}";
            if (operation["operationId"] is null || operation["summary"] is null || operation["tags"] is null)
            {
                gaps.Add($"{name}: operationId, summary or tags missing");
            }

            foreach (var parameter in operation["parameters"]?.AsArray() ?? [])
            {
                if (parameter!["description"] is null || parameter["example"] is null)
                {
                    gaps.Add($"{name}: parameter {parameter["name"]} has no description or example");
                }
            }

            if (operation["requestBody"]?["content"]?["application/json"] is { } body && body["example"] is null)
            {
                gaps.Add($"{name}: request body without an example");
            }

            foreach (var status in new[] { "401", "403", "429" })
            {
                if (operation["responses"]?[status]?["content"]?["application/problem+json"] is null)
                {
                    gaps.Add($"{name}: no {status} problem response");
                }
            }
        }

        gaps.ShouldBeEmpty();
    }

    [Fact]
    public async Task Document_Header_IsOpenApi31WithTheApiKeySchemeAndNoServers()
    {
        using var client = factory.CreateClient();
        var root = (await ServedDocument.LoadAsync(client)).Root;

        root["openapi"]!.GetValue<string>().ShouldStartWith("3.1");
        root["servers"].ShouldBeNull(); // the same document on every host, so the checked-in copy can match it
        var scheme = root["components"]!["securitySchemes"]!["ApiKey"]!;
        scheme["type"]!.GetValue<string>().ShouldBe("apiKey");
        scheme["in"]!.GetValue<string>().ShouldBe("header");
        scheme["name"]!.GetValue<string>().ShouldBe("X-Api-Key");
        root["security"]![0]!["ApiKey"].ShouldNotBeNull();
    }

    /// <summary>The route as the document writes it: a leading slash, constraints dropped (<c>{id:long}</c> is <c>{id}</c>).</summary>
    private static string Template(string raw) =>
        "/" + System.Text.RegularExpressions.Regex.Replace(raw.TrimStart('/'), @"\{([^}:]+):[^}]+\}", "{$1}");

    internal static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SyncHub.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("No SyncHub.sln above " + AppContext.BaseDirectory);
    }
}
