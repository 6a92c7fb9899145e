using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace SyncHub.Benchmarks;

/// <summary>A browser-like client: signs in through the form (antiforgery token included) and keeps the cookie.</summary>
internal static partial class SignedInClient
{
    /// <summary>A client keeping its cookies in <paramref name="cookies"/>; signs in unless told the cookie is there already.
    /// Cookies ignore the port, so a cookie from one SyncHub process serves the next one on the same database.</summary>
    public static async Task<HttpClient> CreateAsync(string baseUrl, CookieContainer? cookies = null, bool signIn = true)
    {
        var handler = new HttpClientHandler { CookieContainer = cookies ?? new CookieContainer(), AllowAutoRedirect = false };
        var client = new HttpClient(handler) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(60) };
        if (!signIn)
        {
            return client;
        }

        var form = await client.GetStringAsync("/account/sign-in");
        var token = TokenPattern().Match(form).Groups[1].Value;
        using var body = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Form.Email"] = BenchApp.AdminEmail,
            ["Form.Password"] = BenchApp.AdminPassword,
            ["__RequestVerificationToken"] = token,
        });
        using var response = await client.PostAsync("/account/sign-in", body);
        if (response.StatusCode != HttpStatusCode.Redirect && response.StatusCode != HttpStatusCode.Found)
        {
            throw new InvalidOperationException($"Sign-in answered {(int)response.StatusCode}.");
        }

        return client;
    }

    /// <summary>Times one GET, body included; fails on anything but 200.</summary>
    public static async Task<TimeSpan> TimeGetAsync(HttpClient client, string path)
    {
        var clock = Stopwatch.StartNew();
        using var response = await client.GetAsync(path);
        await response.Content.ReadAsByteArrayAsync();
        var elapsed = clock.Elapsed;
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}.");
        }

        return elapsed;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
