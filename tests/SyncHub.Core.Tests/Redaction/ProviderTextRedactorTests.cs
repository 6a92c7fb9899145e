using Shouldly;
using SyncHub.Connectors;
using SyncHub.Core.Redaction;

namespace SyncHub.Core.Tests.Redaction;

public sealed class ProviderTextRedactorTests
{
    private const string Token = "EAAAl9xQ-sq0atp-Z3n1";

    public static TheoryData<string> Echoes { get; } = new()
    {
        "Authorization: Bearer sk_live_4eC39HqLyjWDarjtT1zdp7dc",
        "{\"headers\": {\"Authorization\": \"Bearer sk_live_4eC39HqLyjWDarjtT1zdp7dc\", \"Accept\": \"application/json\"}}",
        "{'authorization': 'Basic dXNlcjpwYXNzd29yZA=='}",
        "proxy-authorization=Digest 9b1deb4d3b7d4bad9bdd2b0d7b3dcb6d",
        "x-api-key: 7f3c2a1b9e8d",
        "Cookie: session=9f8e7d6c5b4a",
        "{\"access_token\":\"ya29.a0AfH6SMBx\",\"token_type\":\"Bearer\"}",
        "{\"refreshToken\": \"r-7Hq2\\\"x\"}",
        "GET https://api.example.com/v1/items?api_key=abcdef123456&page=2 failed",
        "client_secret=s3cr3t-value&grant_type=refresh_token",
        "token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U given",
        "could not reach https://admin:hunter2@files.example.com/drop",
        "Authorization: Token 4f3c2a1b9e8d7c6b5a",
    };

    [Theory]
    [MemberData(nameof(Echoes))]
    public void Redact_CredentialShapedText_CredentialRemoved(string text)
    {
        var redacted = ProviderTextRedactor.Patterns.Redact(text);

        redacted.ShouldContain(ProviderTextRedactor.Mask);
        foreach (var credential in new[] { "sk_live_4eC39HqLyjWDarjtT1zdp7dc", "dXNlcjpwYXNzd29yZA", "9b1deb4d3b7d4bad9bdd2b0d7b3dcb6d", "7f3c2a1b9e8d",
                     "9f8e7d6c5b4a", "ya29.a0AfH6SMBx", "r-7Hq2", "abcdef123456", "s3cr3t-value", "dozjgNryP4J3jVmNHl0w5N", "hunter2", "4f3c2a1b9e8d7c6b5a" })
        {
            redacted.ShouldNotContain(credential);
        }
    }

    [Theory]
    [MemberData(nameof(Echoes))]
    public void Redact_AlreadyRedacted_Unchanged(string text)
    {
        var once = ProviderTextRedactor.Patterns.Redact(text);

        ProviderTextRedactor.Patterns.Redact(once).ShouldBe(once);
    }

    [Theory]
    [InlineData("HTTP 401 Unauthorized: Basic authentication failed")]
    [InlineData("The bearer token has expired; re-authorise the connection.")]
    [InlineData("Xero did not refresh the token: invalid_grant")]
    [InlineData("Validation failed: ContactNumber must be unique (ContactNumber=INV-1001)")]
    [InlineData("Look-up before sending again failed: The answer has no Contacts array.")]
    [InlineData("HTTP 503 Service Unavailable from https://api.xero.com/api.xro/2.0/Invoices?summarizeErrors=true")]
    public void Redact_OrdinaryProviderMessage_Unchanged(string text) =>
        ProviderTextRedactor.Patterns.Redact(text).ShouldBe(text);

    [Fact]
    public void Redact_IntegrationSecret_RemovedAsItIsJsonEscapedAndUrlEncoded()
    {
        var redactor = new ProviderTextRedactor(["p@ss/w+rd\"42"]);

        var redacted = redactor.Redact("""raw p@ss/w+rd"42, json "p@ss/w+rd\"42", escaped "p@ss/w\u002Brd\u002242", url p%40ss%2Fw%2Brd%2242.""");

        redacted.ShouldBe("raw [redacted], json \"[redacted]\", escaped \"[redacted]\", url [redacted].");
    }

    [Fact]
    public void Redact_SecretShorterThanFourCharacters_NotSearchedFor()
    {
        var redactor = new ProviderTextRedactor(["abc"]);

        redactor.Redact("abc is not touched").ShouldBe("abc is not touched");
        redactor.HasSecrets.ShouldBeFalse();
    }

    [Fact]
    public void For_SecretTextAndJsonSettings_EveryStringOfThemIsSecretOthersAreNot()
    {
        SettingField[] fields =
        [
            new("accessToken", "Access token") { Secret = true },
            new("headers", "Extra headers") { Kind = SettingKind.Json, Secret = true },
            new("tenantId", "Tenant id"),
        ];
        var settings = ConnectorSettings.Parse($$"""{"accessToken": "{{Token}}", "headers": {"X-Signature": "sig-998877", "Y": ["inner-665544"]}, "tenantId": "tenant-1234"}""");

        var redacted = ProviderTextRedactor.For(fields, settings).Redact($"400: echoed {Token}, sig-998877, inner-665544 for tenant-1234");

        redacted.ShouldBe("400: echoed [redacted], [redacted], [redacted] for tenant-1234");
    }

    [Fact]
    public void For_SameSettingsTwice_BuildsTheRedactorOnce()
    {
        SettingField[] fields = [new("accessToken", "Access token") { Secret = true }];
        var settings = ConnectorSettings.Parse($$"""{"accessToken": "{{Token}}"}""");

        ProviderTextRedactor.For(fields, settings).ShouldBeSameAs(ProviderTextRedactor.For(fields, settings));
    }

    [Fact]
    public void For_SettingsSavedAgain_CutsTheNewSecret()
    {
        SettingField[] fields = [new("accessToken", "Access token") { Secret = true }];
        var before = ProviderTextRedactor.For(fields, ConnectorSettings.Parse("""{"accessToken": "old-secret-1111"}"""));

        var after = ProviderTextRedactor.For(fields, ConnectorSettings.Parse("""{"accessToken": "new-secret-2222"}"""));

        after.ShouldNotBeSameAs(before);
        after.Redact("echo new-secret-2222").ShouldBe("echo [redacted]");
    }
}
