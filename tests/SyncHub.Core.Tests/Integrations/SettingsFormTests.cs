using System.Text.Json.Nodes;
using Shouldly;
using SyncHub.Connectors;
using SyncHub.Core.Integrations;
using SyncHub.Core.Validation;
using SyncHub.TestUtils;

namespace SyncHub.Core.Tests.Integrations;

/// <summary>Declared settings: typed from the form, validated by label, secrets kept unless replaced or cleared.</summary>
public sealed class SettingsFormTests
{
    private static readonly FakeConnectionGateway Connector = new();

    [Fact]
    public void Build_BlankSecretWhenEditing_KeepsTheStoredSecretAndUndeclaredSettings()
    {
        var stored = JsonNode.Parse("""{"apiUrl": "https://old.example", "clientId": "id", "clientSecret": "s3cret", "headers": {"X": "1"}}""")!.AsObject();
        var errors = new FieldErrors();

        var built = SettingsBuilder.Build(Connector.Info.Settings, Input(("apiUrl", "https://new.example"), ("clientId", "id"), ("clientSecret", ""), ("pageSize", "25")), stored, errors);

        errors.IsEmpty.ShouldBeTrue();
        built["clientSecret"]!.GetValue<string>().ShouldBe("s3cret");
        built["apiUrl"]!.GetValue<string>().ShouldBe("https://new.example");
        built["pageSize"]!.GetValue<long>().ShouldBe(25);
        built.ContainsKey("sandboxMode").ShouldBeFalse("off is the default and it was never saved");
        built["headers"]!["X"]!.GetValue<string>().ShouldBe("1");
    }

    [Fact]
    public void Build_UntouchedFormOverSettingsThatOmitDefaults_ChangesNothing()
    {
        var stored = JsonNode.Parse("""{"apiUrl": "https://a.example", "clientId": "id", "clientSecret": "s"}""")!.AsObject();

        var built = SettingsBuilder.Build(Connector.Info.Settings, Input(("apiUrl", "https://a.example"), ("clientId", "id"), ("pageSize", "50")), stored, new FieldErrors());

        SettingsChanges.Names(stored, built).ShouldBeEmpty();
    }

    [Fact]
    public void Build_SecretCleared_RemovesIt()
    {
        var stored = JsonNode.Parse("""{"clientSecret": "s3cret"}""")!.AsObject();
        var input = new SettingsInput(new Dictionary<string, string?>(), new HashSet<string> { "clientSecret" });

        SettingsBuilder.Build(Connector.Info.Settings, input, stored, new FieldErrors()).ContainsKey("clientSecret").ShouldBeFalse();
    }

    [Theory]
    [InlineData("apiUrl", "", "settings.apiUrl", "API URL is required.")]
    [InlineData("apiUrl", "ftp://files.example", "settings.apiUrl", "API URL must be an absolute http:// or https:// URL.")]
    [InlineData("apiUrl", "not a url", "settings.apiUrl", "API URL must be an absolute http:// or https:// URL.")]
    [InlineData("pageSize", "lots", "settings.pageSize", "Page size must be a number.")]
    [InlineData("clientSecret", "", "settings.clientSecret", "Client secret is required.")]
    public void Validate_BadValue_NamesTheFieldByItsLabel(string name, string value, string key, string message)
    {
        var values = new Dictionary<string, string?> { ["apiUrl"] = "https://api.example", ["clientId"] = "id", ["clientSecret"] = "s", ["pageSize"] = "10" };
        values[name] = value;
        var errors = new FieldErrors();

        var built = SettingsBuilder.Build(Connector.Info.Settings, new SettingsInput(values, new HashSet<string>()), null, errors);
        SettingsRules.Validate(errors, Connector.Info.Settings, built);

        errors.ToDictionary().ShouldContainKey(key);
        errors.ToDictionary()[key].ShouldBe([message]);
        errors.ToDictionary().Count.ShouldBe(1);
    }

    [Fact]
    public void Validate_BooleanGivenAsText_IsRefused()
    {
        var errors = new FieldErrors();

        SettingsRules.Validate(errors, Connector.Info.Settings, JsonNode.Parse("""{"apiUrl": "https://a.example", "clientId": "i", "clientSecret": "s", "sandboxMode": "yes"}""")!.AsObject());

        errors.ToDictionary()["settings.sandboxMode"].ShouldBe(["Sandbox mode must be on or off (true or false)."]);
    }

    [Theory]
    [InlineData("relative/dir")]
    [InlineData("../../../../etc")]
    [InlineData("/var/drop/../../etc")]
    [InlineData("./drop")]
    public void Validate_PathNotAbsoluteOrClimbing_IsRefusedByLabel(string folder)
    {
        var errors = new FieldErrors();
        SettingField[] fields = [new("folder", "Folder") { Kind = SettingKind.AbsolutePath, Required = true }];

        SettingsRules.Validate(errors, fields, new JsonObject { ["folder"] = folder });

        errors.ToDictionary()["settings.folder"].ShouldBe(["Folder must be an absolute path, such as /var/lib/synchub/drop, without '..'."]);
    }

    [Fact]
    public void Validate_AbsolutePath_IsAccepted()
    {
        var errors = new FieldErrors();
        SettingField[] fields = [new("folder", "Folder") { Kind = SettingKind.AbsolutePath, Required = true }];

        SettingsRules.Validate(errors, fields, new JsonObject { ["folder"] = "/var/lib/synchub/drop..old" });

        errors.IsEmpty.ShouldBeTrue();
    }

    [Fact]
    public void Build_JsonSettingFromTheForm_StoredAsJsonAndBadJsonRefused()
    {
        SettingField[] fields = [new("headers", "Extra headers") { Kind = SettingKind.Json, Secret = true }];
        var errors = new FieldErrors();

        var built = SettingsBuilder.Build(fields, Input(("headers", """{"Authorization": "Bearer t0ken"}""")), null, errors);
        SettingsBuilder.Build(fields, Input(("headers", "Bearer t0ken")), null, errors);

        built["headers"]!["Authorization"]!.GetValue<string>().ShouldBe("Bearer t0ken");
        errors.ToDictionary()["settings.headers"].ShouldBe(["Extra headers must be a JSON object or array, for example {\"name\": \"value\"}."]);
    }

    [Fact]
    public void RefuseUndeclared_UnknownName_NamesItAndTheDeclaredOnes()
    {
        var errors = new FieldErrors();

        SettingsRules.RefuseUndeclared(errors, Connector.Info.Settings, JsonNode.Parse("""{"apiUrl": "https://a.example", "apiURL": "x"}""")!.AsObject());

        errors.ToDictionary().Keys.ShouldBe(["settings.apiURL"]);
        errors.ToDictionary()["settings.apiURL"].Single().ShouldStartWith("'apiURL' is not a setting of this connector; it declares apiUrl, ");
    }

    [Fact]
    public void Names_ChangedSettings_ListsNamesOnly()
    {
        var before = JsonNode.Parse("""{"a": 1, "secret": "x", "same": true}""")!.AsObject();
        var after = JsonNode.Parse("""{"a": 2, "secret": "y", "same": true, "added": "z"}""")!.AsObject();

        SettingsChanges.Names(before, after).ShouldBe(["a", "added", "secret"]);
    }

    private static SettingsInput Input(params (string Name, string? Value)[] values) =>
        new(values.ToDictionary(v => v.Name, v => v.Value), new HashSet<string>());
}
