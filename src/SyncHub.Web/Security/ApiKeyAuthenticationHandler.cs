using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SyncHub.Core.ApiKeys;
using SyncHub.Data;
using SyncHub.Data.Entities;

namespace SyncHub.Web.Security;

/// <summary>
/// Authenticates API calls by the <c>X-Api-Key</c> header: keys from configuration (full scope, compared in
/// constant time) or keys created in the UI (looked up by hash, refused once revoked).
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ConfiguredApiKeys configuredKeys,
    IDbContextFactory<SyncHubDbContext> dbFactory) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = Request.Headers[HeaderName].ToString();
        if (string.IsNullOrEmpty(presented))
        {
            return AuthenticateResult.NoResult();
        }

        if (presented.Length > 200)
        {
            return AuthenticateResult.Fail("The API key is not valid.");
        }

        if (configuredKeys.Contains(presented))
        {
            return Success("configured key", ApiKeyScope.Full);
        }

        var hash = ApiKeyHasher.Hash(presented);
        await using var db = await dbFactory.CreateDbContextAsync(Context.RequestAborted);
        var stored = await db.ApiKeys.AsNoTracking()
            .Where(k => k.Hash == hash && k.RevokedAt == null)
            .Select(k => new { k.Name, k.Scope })
            .SingleOrDefaultAsync(Context.RequestAborted);
        return stored is null ? AuthenticateResult.Fail("The API key is not valid.") : Success(stored.Name, stored.Scope);
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = SchemeName;
        await Results.Problem(
            statusCode: StatusCodes.Status401Unauthorized,
            title: "Unauthorized",
            detail: $"Send a valid API key in the {HeaderName} header.").ExecuteAsync(Context);
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        await Results.Problem(
            statusCode: StatusCodes.Status403Forbidden,
            title: "Forbidden",
            detail: "This API key's scope does not allow this call; it may only ingest records.").ExecuteAsync(Context);
    }

    private static AuthenticateResult Success(string name, ApiKeyScope scope)
    {
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, name), new Claim(Policies.ScopeClaim, scope == ApiKeyScope.Full ? "full" : "ingest")],
            SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}
