using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting.Internal;
using Shouldly;
using SyncHub.Web.Storage;

namespace SyncHub.Web.Tests.Storage;

public sealed class DatabaseSettingsTests
{
    [Theory]
    [InlineData("Development", true)]
    [InlineData("Production", false)]
    public void EnforcesWriteGate_Unset_RefusesInDevelopmentOnly(string environment, bool expected) =>
        DatabaseSettings.EnforcesWriteGate(Configuration(null), new HostingEnvironment { EnvironmentName = environment }).ShouldBe(expected);

    [Fact]
    public void EnforcesWriteGate_SetOffInDevelopment_Warns() =>
        DatabaseSettings.EnforcesWriteGate(Configuration("false"), new HostingEnvironment { EnvironmentName = "Development" }).ShouldBeFalse();

    [Fact]
    public void EnforcesWriteGate_SetOnInProduction_Refuses() =>
        DatabaseSettings.EnforcesWriteGate(Configuration("true"), new HostingEnvironment { EnvironmentName = "Production" }).ShouldBeTrue();

    private static IConfiguration Configuration(string? enforce) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [DatabaseSettings.EnforceWriteGateKey] = enforce }).Build();
}
