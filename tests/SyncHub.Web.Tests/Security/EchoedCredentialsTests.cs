using Shouldly;
using SyncHub.TestUtils;
using SyncHub.Web.Tests.Support;

namespace SyncHub.Web.Tests.Security;

/// <summary>
/// A webhook with an Authorization header, pointed at a destination that answers 400 with the request's headers in
/// its body: the token shows nowhere, to no role.
/// </summary>
public sealed class EchoedCredentialsTests(SyncHubWebFactory factory) : IClassFixture<SyncHubWebFactory>
{
    private const string Token = "hook-7Hq2x9Kf3pZZ";

    [Fact]
    public async Task FailedWebhook_DestinationEchoesTheAuthorizationHeader_NoPageOrAnswerShowsTheToken()
    {
        await using var server = new LoopbackWebhookServer { StatusCode = 400, EchoHeaders = true };
        using var api = factory.CreateApiClient();
        await api.CreateIntegrationAsync("echoing", "webhook", $$$"""{"url": "{{{server.Url}}}", "headers": {"Authorization": "Bearer {{{Token}}}", "X-Shared-Secret": "{{{Token}}}-2"}}""");
        var id = await api.IngestAsync("echoing", "INV-1");
        await factory.DeliverPendingAsync();
        (await factory.RecordAsync(id)).LastErrorMessage.ShouldNotBeNull().ShouldContain("You sent:");
        using var viewer = await Browser.SignedInAsync(factory, Web.Security.Roles.Viewer);

        var texts = new List<string>
        {
            (await api.GetJsonAsync($"/api/v1/records/{id}")).ToString(),
            (await api.GetJsonAsync("/api/v1/failure-groups")).ToString(),
            (await api.GetJsonAsync("/api/v1/integrations/echoing/records?status=failed")).ToString(),
            (await viewer.OpenAsync("/failed?integration=echoing")).DocumentElement.OuterHtml,
            (await viewer.OpenAsync("/failed?tab=groups&integration=echoing")).DocumentElement.OuterHtml,
            (await viewer.OpenAsync($"/records/{id}")).DocumentElement.OuterHtml,
            (await viewer.OpenAsync("/")).DocumentElement.OuterHtml,
        };

        texts[0].ShouldContain("[redacted]");
        texts.ShouldAllBe(text => !text.Contains(Token));
        factory.Logs.Lines.ShouldAllBe(line => !line.Contains(Token));
    }
}
