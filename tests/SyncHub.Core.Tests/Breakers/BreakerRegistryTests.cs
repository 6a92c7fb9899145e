using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using SyncHub.Core.Breakers;

namespace SyncHub.Core.Tests.Breakers;

/// <summary>The breaker state machine on its own: no database, a fake clock.</summary>
public sealed class BreakerRegistryTests
{
    private static readonly BreakerTarget Books = new(1, "books", "fake");
    private static readonly BreakerTarget Shop = new(2, "shop", "fake");
    private static readonly BreakerTarget Pos = new(3, "pos", "fake");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private readonly BreakerRegistry _breakers;

    public BreakerRegistryTests() =>
        _breakers = new BreakerRegistry(_time, Options.Create(new BreakerOptions()), NullLogger<BreakerRegistry>.Instance);

    [Fact]
    public void Report_FourUnhealthyThenSuccess_ResetsTheCount()
    {
        Fail(Books, 4);
        _breakers.Report(Books, 100, BreakerVerdict.Healthy);
        Fail(Books, 4);

        _breakers.CanSend(Books).ShouldBeTrue();
        _breakers.Describe(Books).Integration.ConsecutiveFailures.ShouldBe(4);
    }

    [Fact]
    public void Report_AnsweredRecordErrors_NeitherCountNorReset()
    {
        Fail(Books, 4);
        for (var i = 0; i < 20; i++)
        {
            _breakers.Report(Books, 200 + i, BreakerVerdict.Answered);
        }

        _breakers.CanSend(Books).ShouldBeTrue();
        Fail(Books, 1);
        _breakers.Describe(Books).Integration.State.ShouldBe(BreakerState.Open);
    }

    [Fact]
    public void OpenDuration_RepeatedTrips_DoublesUpToTheCap()
    {
        var options = new BreakerOptions();

        Enumerable.Range(1, 7).Select(options.OpenDurationFor).Select(d => d.TotalSeconds)
            .ShouldBe([30, 60, 120, 240, 480, 600, 600]);
    }

    [Fact]
    public void HalfOpen_ProbeSlot_IsGivenOnceUntilTheProbeReports()
    {
        Fail(Books, 5);
        _time.Advance(TimeSpan.FromSeconds(30));

        _breakers.Check(Books).ShouldBe(BreakerAdmission.ProbeOnly);
        _breakers.Probes.TryBegin(Books).ShouldBeTrue();
        _breakers.Probes.Assign(Books, 42);
        _breakers.Probes.TryBegin(Books).ShouldBeFalse();
        _breakers.IsOpen(Books).ShouldBeTrue();
        _breakers.Probes.MaySend(Books, 42).ShouldBeTrue();
        _breakers.Probes.MaySend(Books, 43).ShouldBeFalse();

        _breakers.Report(Books, 42, BreakerVerdict.Healthy);

        _breakers.Describe(Books).Integration.State.ShouldBe(BreakerState.Closed);
    }

    [Fact]
    public void HalfOpen_ProbeWithoutVerdict_FreesTheSlotForAnotherRecord()
    {
        Fail(Books, 5);
        _time.Advance(TimeSpan.FromSeconds(30));
        _breakers.Probes.TryBegin(Books).ShouldBeTrue();
        _breakers.Probes.Assign(Books, 42);

        _breakers.Report(Books, 42, BreakerVerdict.NoVerdict);

        _breakers.Check(Books).ShouldBe(BreakerAdmission.ProbeOnly);
    }

    [Fact]
    public void Connector_TwoIntegrationsTrip_OpensForEveryIntegrationOfTheConnector()
    {
        Fail(Books, 5);
        _breakers.Describe(Pos).Connector.State.ShouldBe(BreakerState.Closed);

        Fail(Shop, 5);

        _breakers.Describe(Pos).Connector.State.ShouldBe(BreakerState.Open);
        _breakers.Describe(Pos).Integration.State.ShouldBe(BreakerState.Closed);
        _breakers.Check(Pos).ShouldBe(BreakerAdmission.Blocked);
        _breakers.Check(new BreakerTarget(4, "other", "another-connector")).ShouldBe(BreakerAdmission.Allowed);
    }

    [Fact]
    public async Task WhenChanged_Trip_Completes()
    {
        var changed = _breakers.WhenChanged;
        Fail(Books, 4);
        changed.IsCompleted.ShouldBeFalse();

        Fail(Books, 1);

        await changed.WaitAsync(TimeSpan.FromSeconds(5));
    }

    private void Fail(BreakerTarget target, int times)
    {
        for (var i = 0; i < times; i++)
        {
            _breakers.Report(target, (target.IntegrationId * 1000) + i, BreakerVerdict.Unhealthy);
        }
    }
}
