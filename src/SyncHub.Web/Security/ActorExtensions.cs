using System.Security.Claims;
using SyncHub.Core.Audit;

namespace SyncHub.Web.Security;

/// <summary>The one place a request's <see cref="ClaimsPrincipal"/> becomes the <see cref="Actor"/> that is recorded.</summary>
public static class ActorExtensions
{
    public static Actor ToActor(this ClaimsPrincipal principal)
    {
        var identity = principal.Identities.FirstOrDefault(i => i.IsAuthenticated);
        return identity?.AuthenticationType == ApiKeyAuthenticationHandler.SchemeName
            ? Actor.ApiKey(identity.Name)
            : Actor.User(identity?.Name);
    }
}
