using System.Net;
using AngleSharp.Dom;
using Microsoft.AspNetCore.Mvc.Testing;
using Shouldly;
using SyncHub.TestUtils;
using SyncHub.Web.Security;

namespace SyncHub.Web.Tests.Support;

/// <summary>
/// Talks to the pages like a browser with htmx: signs in through the real form, keeps cookies, reads the
/// antiforgery token from the page it opened, and sends <c>HX-Request</c> (and the token header, as site.js
/// does) on fragment requests.
/// </summary>
internal sealed class Browser : IDisposable
{
    public const string TokenHeader = "RequestVerificationToken";
    private const string TokenField = "__RequestVerificationToken";

    private Browser(HttpClient client) => Client = client;

    public HttpClient Client { get; }

    /// <summary>The token of the last page opened: the form's hidden field, else the meta tag.</summary>
    public string? Token { get; private set; }

    /// <summary>A browser signed in as a user of <paramref name="role"/>; every page needs someone signed in.</summary>
    public static async Task<Browser> SignedInAsync(SyncHubWebFactory factory, string role = Roles.Administrator) =>
        new(await factory.CreateSignedInClientAsync(role));

    /// <summary>A browser nobody signed in to, for the sign-in page and the refusals.</summary>
    public static Browser Anonymous(SyncHubWebFactory factory) =>
        new(factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }));

    public async Task<IDocument> OpenAsync(string url)
    {
        using var response = await Client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, html);
        var document = Html.Parse(html);
        Token = document.QuerySelector($"input[name={TokenField}]")?.GetAttribute("value")
            ?? document.QuerySelector("meta[name=request-verification-token]")?.GetAttribute("content");
        Token.ShouldNotBeNullOrEmpty();
        return document;
    }

    public async Task<HttpResponseMessage> HtmxGetAsync(string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("HX-Request", "true");
        return await Client.SendAsync(request);
    }

    public async Task<HttpResponseMessage> HtmxPostAsync(string url, IEnumerable<KeyValuePair<string, string>>? form = null, bool withToken = true)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form ?? []) };
        request.Headers.Add("HX-Request", "true");
        if (withToken)
        {
            request.Headers.Add(TokenHeader, Token ?? throw new InvalidOperationException("Open a page first."));
        }

        return await Client.SendAsync(request);
    }

    /// <summary>A plain (non-htmx) form post with the page's token as the <c>__RequestVerificationToken</c> field.</summary>
    public async Task<HttpResponseMessage> FormPostAsync(string url, IEnumerable<KeyValuePair<string, string>>? form = null)
    {
        var fields = (form ?? []).Append(new(TokenField, Token ?? throw new InvalidOperationException("Open a page first.")));
        using var content = new FormUrlEncodedContent(fields);
        return await Client.PostAsync(url, content);
    }

    public void Dispose() => Client.Dispose();
}
