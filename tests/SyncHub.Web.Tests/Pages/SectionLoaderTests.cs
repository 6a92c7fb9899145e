using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using SyncHub.Web.Pages.Dashboard;

namespace SyncHub.Web.Tests.Pages;

/// <summary>A box whose query fails keeps showing its last good value with its age, per box.</summary>
public sealed class SectionLoaderTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 10, 32, 5, TimeSpan.Zero));
    private readonly SectionLoader _loader;

    public SectionLoaderTests() => _loader = new SectionLoader(_time, NullLogger<SectionLoader>.Instance);

    [Fact]
    public async Task LoadAsync_QuerySucceeds_LiveDataWithoutAge()
    {
        var section = await _loader.LoadAsync("money", _ => Task.FromResult("live"), CancellationToken.None);

        section.Data.ShouldBe("live");
        section.AsOf.ShouldBeNull();
        section.Stale.ShouldBeNull();
        section.Unavailable.ShouldBeFalse();
    }

    [Fact]
    public async Task LoadAsync_QueryFailsAfterAGoodRead_LastGoodValueWithItsTimeAndAge()
    {
        await _loader.LoadAsync("money", _ => Task.FromResult("figures of 10:32"), CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(12));

        var section = await _loader.LoadAsync<string>("money", _ => throw new InvalidOperationException("store down"), CancellationToken.None);

        section.Data.ShouldBe("figures of 10:32");
        section.Unavailable.ShouldBeFalse();
        section.AsOf.ShouldBe(new DateTimeOffset(2026, 3, 2, 10, 32, 5, TimeSpan.Zero));
        section.Now.ShouldBe(_time.GetUtcNow());
        section.Stale.ShouldNotBeNull().Text.ShouldBe("As of 10:32 UTC (12 min ago), live figures unavailable.");
    }

    [Fact]
    public async Task LoadAsync_QueryFailsOnALaterDay_NoticeNamesTheDay()
    {
        await _loader.LoadAsync("money", _ => Task.FromResult("old"), CancellationToken.None);
        _time.Advance(TimeSpan.FromDays(1));

        var section = await _loader.LoadAsync<string>("money", _ => throw new InvalidOperationException("store down"), CancellationToken.None);

        section.Stale.ShouldNotBeNull().Text.ShouldBe("As of 2 Mar 10:32 UTC (24 h ago), live figures unavailable.");
    }

    [Fact]
    public async Task LoadAsync_QueryRecovers_LiveDataAgainWithoutAge()
    {
        await _loader.LoadAsync("money", _ => Task.FromResult("first"), CancellationToken.None);
        await _loader.LoadAsync<string>("money", _ => throw new InvalidOperationException("store down"), CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(1));

        var section = await _loader.LoadAsync("money", _ => Task.FromResult("second"), CancellationToken.None);

        section.Data.ShouldBe("second");
        section.AsOf.ShouldBeNull();
    }

    [Fact]
    public async Task LoadAsync_QueryFailsWithoutAGoodRead_Unavailable_AndAnotherBoxsValueIsNotBorrowed()
    {
        await _loader.LoadAsync("recent-errors", _ => Task.FromResult("errors"), CancellationToken.None);

        var section = await _loader.LoadAsync<string>("money", _ => throw new InvalidOperationException("store down"), CancellationToken.None);

        section.Unavailable.ShouldBeTrue();
        section.Data.ShouldBeNull();
        section.Stale.ShouldBeNull();
    }

    [Fact]
    public async Task LoadAsync_CancelledByTheCaller_Throws()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() =>
            _loader.LoadAsync<string>("money", ct => Task.FromCanceled<string>(ct), cancelled.Token));
    }
}
