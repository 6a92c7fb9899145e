using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using SyncHub.Web.Security;

namespace SyncHub.Web.Tests.Security;

public sealed class SignInThrottleTests
{
    private const string Admin = "admin@example.com";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private readonly SignInThrottle _throttle;

    public SignInThrottleTests() =>
        _throttle = new SignInThrottle(Options.Create(new SecurityOptions { MaxFailedSignIns = 5, LockoutMinutes = 15, AccountBackoffAfter = 20, AccountBackoffMaxSeconds = 60 }), _time);

    [Fact]
    public void Failed_FiveTimesFromOneAddress_LocksThatAddressOutOfThatAccountOnly()
    {
        var locks = Enumerable.Range(0, 5).Select(_ => _throttle.Failed(Admin, "198.51.100.7")).ToList();

        locks.Take(4).ShouldAllBe(l => l == null);
        locks[4].ShouldBe(new SignInWait(_time.GetUtcNow().AddMinutes(15), AccountWide: false));
        _throttle.Check(Admin, "198.51.100.7").ShouldNotBeNull();
        _throttle.Check("ADMIN@example.com ", "198.51.100.7").ShouldNotBeNull("the e-mail is compared as Identity does, ignoring case");
        _throttle.Check(Admin, "192.0.2.1").ShouldBeNull();
        _throttle.Check("other@example.com", "198.51.100.7").ShouldBeNull();
    }

    [Fact]
    public void Check_LockoutMinutesLater_AllowedAgain()
    {
        for (var i = 0; i < 5; i++)
        {
            _throttle.Failed(Admin, "198.51.100.7");
        }

        _time.Advance(TimeSpan.FromMinutes(15));

        _throttle.Check(Admin, "198.51.100.7").ShouldBeNull();
    }

    [Fact]
    public void Failed_FromManyAddresses_AccountBacksOffDoublingUpToItsCap()
    {
        for (var i = 0; i < 19; i++)
        {
            _throttle.Failed(Admin, $"203.0.113.{i}");
        }

        _throttle.Check(Admin, "192.0.2.1").ShouldBeNull();
        var waits = new List<TimeSpan>();
        for (var i = 19; i < 30; i++)
        {
            _throttle.Failed(Admin, $"203.0.113.{i}");
            waits.Add(_throttle.Check(Admin, "192.0.2.1")!.Value.Until - _time.GetUtcNow());
        }

        waits.Select(w => w.TotalSeconds).ShouldBe([1, 2, 4, 8, 16, 32, 60, 60, 60, 60, 60]);
        _throttle.Check(Admin, "192.0.2.1")!.Value.AccountWide.ShouldBeTrue();
        _time.Advance(TimeSpan.FromSeconds(60));
        _throttle.Check(Admin, "192.0.2.1").ShouldBeNull();
    }

    [Fact]
    public void Check_AccountBackingOff_AnAddressItSignedInFromBeforeIsNotHeldUp()
    {
        _throttle.Succeeded(Admin, "192.0.2.1");
        for (var i = 0; i < 25; i++)
        {
            _throttle.Failed(Admin, $"203.0.113.{i}");
        }

        _throttle.Check(Admin, "192.0.2.1").ShouldBeNull();
        _throttle.Check(Admin, "192.0.2.2").ShouldNotBeNull();
    }

    [Fact]
    public void Succeeded_AfterFailures_ThePairStartsAfresh()
    {
        for (var i = 0; i < 4; i++)
        {
            _throttle.Failed(Admin, "198.51.100.7");
        }

        _throttle.Succeeded(Admin, "198.51.100.7");

        _throttle.Failed(Admin, "198.51.100.7").ShouldBeNull();
    }
}
