using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using SyncHub.Data;
using Shouldly;
using SyncHub.TestUtils;
using SyncHub.Web.Tests.Support;

namespace SyncHub.Web.Tests.Observability;

/// <summary>/readyz answers each check's status as JSON, anonymously, and 503 once something it needs is down.</summary>
public sealed class ReadinessTests
{
    [Fact]
    public async Task Readyz_AllChecksPass_Answers200WithEachCheckAndNoPaths()
    {
        await using var factory = new SyncHubWebFactory();
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/readyz");

        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        var json = await response.ReadJsonAsync();
        json.GetProperty("checks").GetProperty("database").GetProperty("status").GetString().ShouldBe("Healthy");
        json.GetProperty("checks").GetProperty("scheduler").GetProperty("status").GetString().ShouldBe("Healthy");
        json.GetProperty("checks").GetProperty("plugins").GetProperty("status").GetString().ShouldBeOneOf("Healthy", "Degraded");
        body.ShouldNotContain(".db", Case.Insensitive);
        body.ShouldNotContain("/tmp", Case.Insensitive);
    }

    [Fact]
    public async Task Readyz_DatabaseCannotBeQueried_Answers503NamingTheDatabaseOnly()
    {
        // Quartz keeps schedulers in a process-wide repository, so pausing "this" scheduler would pause other
        // tests' hosts too; a database that stopped answering is the failure a probe must catch anyway.
        await using var factory = new SyncHubWebFactory();
        using var client = factory.CreateClient();
        await BreakDatabaseAsync(factory);

        using var response = await client.GetAsync("/readyz");

        var body = await response.Content.ReadAsStringAsync();
        var json = await response.ReadJsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable, body);
        json.GetProperty("status").GetString().ShouldBe("Unhealthy");
        json.GetProperty("checks").GetProperty("database").GetProperty("status").GetString().ShouldBe("Unhealthy");
        json.GetProperty("checks").GetProperty("database").GetProperty("description").GetString().ShouldBe("The database cannot be queried.");
        body.ShouldNotContain("SQLite", Case.Insensitive);
        body.ShouldNotContain("Integrations");
    }

    [Fact]
    public async Task Healthz_DatabaseCannotBeQueried_StillAnswers200()
    {
        // Liveness says the process answers; restarting it would not bring the database back.
        await using var factory = new SyncHubWebFactory();
        using var client = factory.CreateClient();
        await BreakDatabaseAsync(factory);

        using var response = await client.GetAsync("/healthz");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static Task BreakDatabaseAsync(SyncHubWebFactory factory) =>
        factory.Services.WriteAsync(db => db.Database.ExecuteSqlRawAsync("ALTER TABLE \"Integrations\" RENAME TO \"IntegrationsGone\""));
}
