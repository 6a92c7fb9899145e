using System.Net;
using Shouldly;
using SyncHub.TestUtils;
using SyncHub.Web.Security;
using SyncHub.Web.Tests.Support;

namespace SyncHub.Web.Tests.Integrations;

/// <summary>Setting up connections is for administrators: operators and viewers are refused, pages and posts alike.</summary>
public sealed class IntegrationRoleTests(SyncHubWebFactory factory) : IClassFixture<SyncHubWebFactory>
{
    public static TheoryData<string, string> PagesAndRoles()
    {
        var data = new TheoryData<string, string>();
        foreach (var role in new[] { Roles.Viewer, Roles.Operator })
        {
            foreach (var url in new[] { "/integrations", "/integrations/new", "/integrations/role-target/edit", "/integrations/role-target/mapping" })
            {
                data.Add(url, role);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PagesAndRoles))]
    public async Task AdminPage_AsViewerOrOperator_IsRefused(string url, string role)
    {
        await EnsureTargetAsync();
        using var browser = await Browser.SignedInAsync(factory, role);

        using var response = await browser.Client.GetAsync(url);

        ShouldBeRefused(response);
    }

    [Theory]
    [InlineData("/integrations/new?handler=Test", Roles.Viewer)]
    [InlineData("/integrations/new?handler=Test", Roles.Operator)]
    [InlineData("/integrations/role-target/edit?handler=Test", Roles.Operator)]
    [InlineData("/integrations/role-target/edit", Roles.Operator)]
    [InlineData("/integrations/new", Roles.Operator)]
    [InlineData("/integrations/role-target/mapping", Roles.Operator)]
    [InlineData("/integrations/role-target/mapping?handler=Preview", Roles.Viewer)]
    public async Task AdminPost_AsViewerOrOperatorWithValidToken_IsRefusedAndDoesNothing(string url, string role)
    {
        await EnsureTargetAsync();
        using var browser = await Browser.SignedInAsync(factory, role);
        await browser.OpenAsync("/plugins");
        var tested = factory.Secure.Tested.Count;

        using var response = await browser.HtmxPostAsync(url, [.. IntegrationForms.Secure("role-new", FakeConnectionGateway.GoodSecret).With("Form.Name", "Hijacked"),
            new("Form.DefaultTemplate", "{}")]);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, "htmx gets a 403, not the redirect to the \"not allowed\" page");
        factory.Secure.Tested.Count.ShouldBe(tested);
        (await factory.FindAsync("role-new")).ShouldBeNull();
        var target = (await factory.FindAsync("role-target"))!;
        target.Name.ShouldBe("Role target");
        target.MappingTemplate.ShouldBeNull();
    }

    [Fact]
    public async Task Navigation_AsViewer_ShowsPluginsButNotIntegrations()
    {
        using var browser = await Browser.SignedInAsync(factory, Roles.Viewer);

        var page = await browser.OpenAsync("/plugins");

        page.ShouldHave("a[href='/plugins']");
        page.QuerySelector("a[href='/integrations']").ShouldBeNull();
    }

    private static void ShouldBeRefused(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Redirect);
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            response.Headers.Location!.AbsolutePath.ShouldBe("/account/denied");
        }
    }

    private async Task EnsureTargetAsync()
    {
        if (await factory.FindAsync("role-target") is null)
        {
            using var api = factory.CreateApiClient();
            using var response = await api.PostJsonAsync("/api/v1/integrations", """{"slug": "role-target", "name": "Role target", "connector": "fake"}""");
            response.StatusCode.ShouldBe(HttpStatusCode.Created);
        }
    }
}
