using Shouldly;
using SyncHub.Core.Fixes;

namespace SyncHub.Core.Tests.Fixes;

public sealed class DateFixerTests
{
    [Theory]
    [InlineData("2025/03/14", "2025-03-14")]
    [InlineData("2025/3/4", "2025-03-04")]
    [InlineData("14.03.2025", "2025-03-14")]
    [InlineData("4.3.2025", "2025-03-04")]
    [InlineData("20250314", "2025-03-14")]
    [InlineData("14 Mar 2025", "2025-03-14")]
    [InlineData("4 March 2025", "2025-03-04")]
    [InlineData("Mar 14, 2025", "2025-03-14")]
    [InlineData("March 4, 2025", "2025-03-04")]
    [InlineData("14/03/2025", "2025-03-14")]
    [InlineData("03/14/2025", "2025-03-14")]
    [InlineData("05/05/2025", "2025-05-05")]
    [InlineData("31-12-2025", "2025-12-31")]
    [InlineData(" 2025-03-14 ", "2025-03-14")]
    [InlineData("2025-03-14", "2025-03-14")]
    public void Normalize_KnownFormat_ReturnsIso(string input, string expected) =>
        DateFixer.Normalize(input).ShouldBe(expected);

    [Theory]
    [InlineData("")]
    [InlineData("03/04/2025")]
    [InlineData("31/02/2025")]
    [InlineData("13/13/2025")]
    [InlineData("2025-03-14T10:30:00Z")]
    [InlineData("14/03/25")]
    [InlineData("next Tuesday")]
    [InlineData("20251399")]
    [InlineData("Smarch 14, 2025")]
    public void Normalize_AmbiguousOrUnknown_ReturnsNull(string input) =>
        DateFixer.Normalize(input).ShouldBeNull();

    [Fact]
    public void Normalize_DoesNotDependOnTheCurrentCulture()
    {
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
            DateFixer.Normalize("14 Mar 2025").ShouldBe("2025-03-14");
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = culture;
        }
    }
}
