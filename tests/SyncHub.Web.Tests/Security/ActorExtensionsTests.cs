using System.Security.Claims;
using Shouldly;
using SyncHub.Web.Security;

namespace SyncHub.Web.Tests.Security;

public sealed class ActorExtensionsTests
{
    [Fact]
    public void ToActor_SignedInUser_IsTheUserName()
    {
        Principal("Identity.Application", "operator@example.com").ToActor().Name.ShouldBe("operator@example.com");
    }

    [Fact]
    public void ToActor_ApiKey_IsTheKeyName()
    {
        Principal(ApiKeyAuthenticationHandler.SchemeName, "billing export").ToActor().Name.ShouldBe("billing export");
    }

    [Fact]
    public void ToActor_ApiKeyWithoutName_FallsBackToApiKey()
    {
        Principal(ApiKeyAuthenticationHandler.SchemeName, null).ToActor().Name.ShouldBe("API key");
    }

    [Fact]
    public void ToActor_UserWithoutName_FallsBackToUnknownUser()
    {
        Principal("Identity.Application", null).ToActor().Name.ShouldBe("unknown user");
    }

    [Fact]
    public void ToActor_NotAuthenticated_FallsBackToUnknownUser()
    {
        new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "mallory")])).ToActor().Name.ShouldBe("unknown user");
    }

    private static ClaimsPrincipal Principal(string scheme, string? name) =>
        new(new ClaimsIdentity(name is null ? [] : [new Claim(ClaimTypes.Name, name)], scheme));
}
