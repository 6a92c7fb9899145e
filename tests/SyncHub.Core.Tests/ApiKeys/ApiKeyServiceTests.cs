using Shouldly;
using SyncHub.Core.ApiKeys;
using SyncHub.Core.Audit;
using SyncHub.Data.Entities;
using SyncHub.TestUtils;
using Xunit;

namespace SyncHub.Core.Tests.ApiKeys;

public sealed class ApiKeyServiceTests
{
    [Fact]
    public async Task CreateAsync_NewKey_ListsItsPrefixOnlyAndAuditsTheActor()
    {
        await using var harness = await EngineHarness.StartAsync();
        var keys = harness.Get<ApiKeyService>();

        var created = await keys.CreateAsync("  ERP export ", ApiKeyScope.Ingest, Actor.User("admin@example.com"), CancellationToken.None);

        created.Key.ShouldStartWith(ApiKeyHasher.KeyPrefix);
        var listed = (await keys.ListAsync(CancellationToken.None)).ShouldHaveSingleItem();
        listed.ShouldBe(created.View);
        listed.Name.ShouldBe("ERP export");
        listed.Prefix.ShouldBe(created.Key[..10]);
        listed.CreatedBy.ShouldBe("admin@example.com");
        listed.IsActive.ShouldBeTrue();
        var audit = (await harness.AuditLogAsync()).Where(a => a.Action == AccountAuditActions.ApiKeyCreate).ShouldHaveSingleItem();
        audit.Actor.ShouldBe("admin@example.com");
        audit.Target.ShouldBe($"api key {listed.Id} (ERP export)");
        audit.Detail!.ShouldNotContain(created.Key);
    }

    [Fact]
    public async Task RevokeAsync_Twice_RevokesOnceAndAuditsOnce()
    {
        await using var harness = await EngineHarness.StartAsync();
        var keys = harness.Get<ApiKeyService>();
        var created = await keys.CreateAsync("Shop", ApiKeyScope.Full, Actor.User("admin@example.com"), CancellationToken.None);

        var first = await keys.RevokeAsync(created.View.Id, Actor.User("ops@example.com"), CancellationToken.None);
        var second = await keys.RevokeAsync(created.View.Id, Actor.User("ops@example.com"), CancellationToken.None);
        var unknown = await keys.RevokeAsync(created.View.Id + 1, Actor.User("ops@example.com"), CancellationToken.None);

        first.ShouldBeTrue();
        second.ShouldBeFalse();
        unknown.ShouldBeFalse();
        (await keys.ListAsync(CancellationToken.None)).ShouldHaveSingleItem().RevokedAt.ShouldBe(harness.Time.GetUtcNow());
        (await harness.AuditLogAsync()).Where(a => a.Action == AccountAuditActions.ApiKeyRevoke).ShouldHaveSingleItem().Actor.ShouldBe("ops@example.com");
    }
}
