using Shouldly;
using SyncHub.Specs;

namespace SyncHub.Connectors.Tests.Square;

/// <summary>What the connector declares, and what it refuses before calling Square.</summary>
public sealed class SquareGatewayTests : SquareServerFixture
{
    [Fact]
    public void Info_Always_DeclaresSettingsEntityTypesAndLimits()
    {
        var info = Gateway.Info;

        info.Name.ShouldBe("square");
        info.DisplayName.ShouldBe("Square (customers)");
        info.EntityTypes.ShouldBe(["customer"]);
        info.RateLimits!.MaxConcurrent.ShouldBe(10);
        info.Settings.Select(s => s.Name).ShouldBe(["accessToken", "baseUrl", "squareVersion"]);
        var token = info.Settings[0];
        (token.Required, token.Secret).ShouldBe((true, true));
        info.Settings[1].Kind.ShouldBe(SettingKind.Url);
        info.Settings[1].Default.ShouldBe("https://connect.squareup.com");
        info.Settings[2].Default.ShouldBe("2025-08-20");
    }

    [Theory]
    [InlineData("not json", "body")]
    [InlineData("""["Ada"]""", "body")]
    [InlineData("""{"givenName":5}""", "givenName")]
    [InlineData("""{"givenName":"Ada","email":"not-an-email"}""", "email")]
    [InlineData("""{"givenName":"Ada","points":"many"}""", "points")]
    [InlineData("""{"givenName":"Ada","points":12.5}""", "points")]
    [InlineData("""{"givenName":"Ada","points":3000000000}""", "points")]
    [InlineData("""{"givenName":"Ada","birthday":"1815-12-10"}""", "birthday")]
    [InlineData("""{"givenName":"Ada","pointBalance":120}""", "pointBalance")]
    [InlineData("""{"givenName":"Ada","memberNumber":7}""", "memberNumber")]
    [InlineData("""{"note":"no name, email or phone"}""", "givenName")]
    public async Task DeliverAsync_InvalidBody_InvalidNamingTheFieldAndNothingSent(string body, string field)
    {
        var outcome = await Gateway.DeliverAsync(SquareRequests.Member(Server, body), CancellationToken.None);

        outcome.ErrorClass.ShouldBe(ErrorClass.Validation);
        outcome.HttpStatus.ShouldBeNull();
        outcome.FieldProblems.Select(p => p.Field).ShouldContain(field);
        outcome.Message!.ShouldContain(field);
        Server.Requests.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("""{"baseUrl":"http://127.0.0.1:1"}""", "Square setting 'accessToken' is missing.")]
    [InlineData("""{"accessToken":"t","baseUrl":"ftp://example.com"}""", "Square setting 'baseUrl' is not an absolute http(s) URL.")]
    [InlineData("""{"accessToken":"t\nInjected: 1","baseUrl":"http://127.0.0.1:1"}""", "Square setting 'accessToken' contains characters a token cannot have.")]
    [InlineData("""{"accessToken":"t","baseUrl":"http://127.0.0.1:1","squareVersion":"2025\r\nX: 1"}""", "Square setting 'squareVersion' is not a version such as 2025-08-20.")]
    public async Task DeliverAsync_UnusableSettings_ConnectorFaultWithoutCalling(string settings, string message)
    {
        var request = SquareRequests.Member(Server) with { Settings = ConnectorSettings.Parse(settings) };

        var outcome = await Gateway.DeliverAsync(request, CancellationToken.None);

        outcome.ErrorClass.ShouldBe(ErrorClass.ConnectorFault);
        outcome.Message.ShouldBe(message);
    }

    [Fact]
    public async Task DeliverAsync_KeyLongerThanSquareAllows_SendsAStableShorterKey()
    {
        Server.AnswerSearches();
        Server.Respond("POST", "/v2/customers", _ => ScriptedResponse.Json(200, SquareJson.One(SquareJson.Customer("CUST-NEW"))));
        var request = SquareRequests.Member(Server) with { IdempotencyKey = new string('k', 80) + ".12" };

        await Gateway.DeliverAsync(request, CancellationToken.None);
        await Gateway.DeliverAsync(request, CancellationToken.None);

        Server.Violations.ShouldBeEmpty();
        var keys = Server.RequestsFor("CreateCustomer").Select(r => r.Json!["idempotency_key"]!.GetValue<string>()).ToList();
        keys.Count.ShouldBe(2);
        keys[0].Length.ShouldBeLessThanOrEqualTo(45);
        keys[1].ShouldBe(keys[0]);
    }

    [Fact]
    public async Task DeliverAsync_AbsentFields_AreLeftOutOfTheUpdate()
    {
        Server.AnswerSearches(byReference: SquareJson.Customers(SquareJson.Customer("CUST-7", reference: "M-1001")));
        Server.Enqueue("PUT", "/v2/customers/{customer_id}", ScriptedResponse.Json(200, SquareJson.One(SquareJson.Customer("CUST-7"))));

        await Gateway.DeliverAsync(SquareRequests.Member(Server, """{"memberNumber":"M-1001","givenName":"Ada","email":null}"""), CancellationToken.None);

        Server.Violations.ShouldBeEmpty();
        var body = Server.RequestsFor("UpdateCustomer").ShouldHaveSingleItem().Json!.AsObject();
        body.Select(p => p.Key).Order().ShouldBe(["given_name", "reference_id", "version"]);
    }
}
