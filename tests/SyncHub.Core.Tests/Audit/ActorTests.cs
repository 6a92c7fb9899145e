using Shouldly;
using SyncHub.Core.Audit;

namespace SyncHub.Core.Tests.Audit;

public sealed class ActorTests
{
    [Fact]
    public void User_Named_KeepsTheTrimmedName()
    {
        Actor.User("  admin@example.com ").Name.ShouldBe("admin@example.com");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void User_Blank_FallsBackToUnknownUser(string? name)
    {
        Actor.User(name).Name.ShouldBe("unknown user");
    }

    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    public void ApiKey_Blank_FallsBackToApiKey(string? name)
    {
        Actor.ApiKey(name).Name.ShouldBe("API key");
    }

    [Fact]
    public void System_Always_IsNamedSystem()
    {
        Actor.System.Name.ShouldBe("system");
        Actor.System.ToString().ShouldBe("system");
    }
}
