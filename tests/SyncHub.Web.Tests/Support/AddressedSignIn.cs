using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using SyncHub.TestUtils;

namespace SyncHub.Web.Tests.Support;

/// <summary>Loads and posts the sign-in form from a chosen client address, as a browser there would.</summary>
internal static class AddressedSignIn
{
    public static Task<HttpContext> LoadAsync(SyncHubWebFactory factory, IPAddress from) =>
        factory.Server.SendAsync(c => Prepare(c, "GET", from));

    /// <returns>The response: 302 when signed in, 200 with <c>#sign-in-error</c> when refused.</returns>
    public static async Task<(int Status, string Body)> PostAsync(SyncHubWebFactory factory, IPAddress from, string email, string password)
    {
        var page = await LoadAsync(factory, from);
        var cookie = page.Response.Headers.SetCookie.Select(c => c!).First(c => c.StartsWith("synchub.antiforgery=", StringComparison.Ordinal)).Split(';')[0];
        var token = AntiforgeryToken.FromHtml(await new StreamReader(page.Response.Body).ReadToEndAsync());
        var form = $"Form.Email={Uri.EscapeDataString(email)}&Form.Password={Uri.EscapeDataString(password)}&__RequestVerificationToken={Uri.EscapeDataString(token)}";
        var response = await factory.Server.SendAsync(c =>
        {
            Prepare(c, "POST", from);
            c.Request.Headers.Cookie = cookie;
            c.Request.ContentType = "application/x-www-form-urlencoded";
            c.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(form));
        });
        return (response.Response.StatusCode, await new StreamReader(response.Response.Body).ReadToEndAsync());
    }

    private static void Prepare(HttpContext context, string method, IPAddress from)
    {
        context.Request.Method = method;
        context.Request.Scheme = "http";
        context.Request.Host = new HostString("localhost");
        context.Request.Path = "/account/sign-in";
        context.Connection.RemoteIpAddress = from;
    }
}
