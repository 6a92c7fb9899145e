using Shouldly;
using SyncHub.Core.Fixes;

namespace SyncHub.Core.Tests.Fixes;

public sealed class PhoneFixerTests
{
    [Theory]
    [InlineData("+44 20 7946 0958", "+442079460958")]
    [InlineData("0044 20 7946 0958", "+442079460958")]
    [InlineData("+1 (415) 555-0123", "+14155550123")]
    [InlineData("(415) 555-0123", "+14155550123")]
    [InlineData("415.555.0123", "+14155550123")]
    [InlineData("4155550123", "+14155550123")]
    [InlineData(" +49-30-901820 ", "+4930901820")]
    [InlineData("+61 2 9374 4000", "+61293744000")]
    [InlineData("+14155550123", "+14155550123")]
    public void Normalize_FixableNumber_ReturnsE164(string input, string expected) =>
        PhoneFixer.Normalize(input).ShouldBe(expected);

    [Theory]
    [InlineData("")]
    [InlineData("020 7946 0958")]
    [InlineData("1234567890")]
    [InlineData("555-0123")]
    [InlineData("14155550123")]
    [InlineData("+44 (0) 20 7946 0958")]
    [InlineData("+1 415 555 0123 ext 12")]
    [InlineData("call me")]
    [InlineData("+123")]
    [InlineData("+1234567890123456")]
    [InlineData("415+555+0123")]
    [InlineData("+0 415 555 0123")]
    public void Normalize_UnsafeOrImpossible_ReturnsNull(string input) =>
        PhoneFixer.Normalize(input).ShouldBeNull();

    [Theory]
    [InlineData("phone", true)]
    [InlineData("mobilenumber", true)]
    [InlineData("telephone", true)]
    [InlineData("tel", true)]
    [InlineData("hoteltel", true)]
    [InlineData("hotelname", false)]
    [InlineData("email", false)]
    public void Suggests_KeysNamingAPhone(string key, bool expected) =>
        new PhoneFixer().Suggests(key).ShouldBe(expected);
}
