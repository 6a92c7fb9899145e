using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using SyncHub.Data.Entities;

namespace SyncHub.Web.Security;

/// <summary>Adds the must-change-password mark to the sign-in cookie, so every request can check it cheaply.</summary>
internal sealed class SyncHubClaimsPrincipalFactory(
    UserManager<SyncHubUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<SyncHubUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(SyncHubUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.MustChangePassword)
        {
            identity.AddClaim(new Claim(Policies.MustChangePasswordClaim, "true"));
        }

        return identity;
    }
}
