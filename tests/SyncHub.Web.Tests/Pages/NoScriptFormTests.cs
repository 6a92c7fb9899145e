using System.Net;
using AngleSharp.Dom;
using Shouldly;
using SyncHub.TestUtils;
using SyncHub.Web.Tests.Support;

namespace SyncHub.Web.Tests.Pages;

/// <summary>
/// Without JavaScript the failed list is a plain form: a browser posts exactly the fields the form holds,
/// so the antiforgery token has to be one of them (site.js only adds the header for htmx requests).
/// </summary>
public sealed class NoScriptFormTests(SyncHubWebFactory factory) : IClassFixture<SyncHubWebFactory>
{
    [Theory]
    [InlineData("retry-selected", HttpStatusCode.OK)]
    [InlineData("retry-all", HttpStatusCode.Redirect)]
    public async Task FailedForm_SubmittedWithoutJavaScript_IsAccepted(string button, HttpStatusCode expected)
    {
        var slug = $"noscript-{button}";
        using var api = factory.CreateApiClient();
        await api.CreateIntegrationAsync(slug);
        var id = (await factory.FailedRecordsAsync(api, slug, 1))[0];
        using var browser = await Browser.SignedInAsync(factory);
        var page = await browser.OpenAsync($"/failed?integration={slug}");
        var form = page.Single("#failed-form");
        form.Single($"#record-{id} input[name=ids]").SetAttribute("checked", "checked");

        using var fields = new FormUrlEncodedContent(FieldsOf(form));

        using var response = await browser.Client.PostAsync(form.Single($"#{button}").GetAttribute("formaction"), fields);

        response.StatusCode.ShouldBe(expected, "a browser without JavaScript posts only the form's own fields, so the form must carry the antiforgery token");
    }

    // What a browser sends for a form: its hidden fields and its checked boxes.
    private static IEnumerable<KeyValuePair<string, string>> FieldsOf(IElement form) =>
        form.QuerySelectorAll("input[name]")
            .Where(input => input.GetAttribute("type") is "hidden" || (input.GetAttribute("type") is "checkbox" && input.HasAttribute("checked")))
            .Select(input => new KeyValuePair<string, string>(input.GetAttribute("name")!, input.GetAttribute("value") ?? "on"));
}
