using Shouldly;

namespace SyncHub.Connectors.Tests.Xero;

/// <summary>What the connector declares: its settings form, entity types and Xero's limits.</summary>
public sealed class XeroInfoTests : XeroTestBase
{
    [Fact]
    public void Info_DeclaresNameSettingsEntityTypesAndLimits()
    {
        var info = Gateway.Info;

        info.Name.ShouldBe("xero");
        info.DisplayName.ShouldBe("Xero (accounting)");
        info.EntityTypes.ShouldBe(["invoice", "bill", "contact", "payment"]);
        info.RateLimits.ShouldNotBeNull();
        info.RateLimits.MaxConcurrent.ShouldBe(5);
        info.RateLimits.PerMinute.ShouldBe(60);
        info.RateLimits.PerDay.ShouldBe(5000);
        info.RateLimits.PartitionSetting.ShouldBe("tenantId");
        info.Settings.Select(setting => setting.Name).ShouldBe(
            ["tenantId", "clientId", "clientSecret", "refreshToken", "accessToken", "accessTokenExpiresAt", "baseUrl", "tokenUrl"]);
        info.Settings.Where(setting => setting.Required).Select(setting => setting.Name).ShouldBe(["tenantId", "clientId", "clientSecret", "refreshToken"]);
        info.Settings.Where(setting => setting.Secret).Select(setting => setting.Name).ShouldBe(["clientSecret", "refreshToken", "accessToken"]);
        info.Settings.Single(setting => setting.Name == "baseUrl").ShouldSatisfyAllConditions(
            setting => setting.Kind.ShouldBe(SettingKind.Url),
            setting => setting.Default.ShouldBe("https://api.xero.com/api.xro/2.0"));
        info.Settings.Single(setting => setting.Name == "tokenUrl").Default.ShouldBe("https://identity.xero.com/connect/token");
    }

    [Fact]
    public void Gateway_ImplementsTheOptionalCapabilities()
    {
        Gateway.ShouldBeAssignableTo<IRecordLookup>();
        Gateway.ShouldBeAssignableTo<IConnectionTest>();
        Gateway.ShouldBeAssignableTo<ICredentialRefresh>();
    }
}
