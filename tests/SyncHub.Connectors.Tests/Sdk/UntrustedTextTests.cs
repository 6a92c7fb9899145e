using Shouldly;
using SyncHub.Connectors;

namespace SyncHub.Connectors.Tests.Sdk;

public sealed class UntrustedTextTests
{
    [Fact]
    public void OneLine_LineBreaksAndRunsOfSpace_CollapsedToSingleSpaces() =>
        UntrustedText.OneLine("  bad\r\n\tthing   here ").ShouldBe("bad thing here");

    [Fact]
    public void OneLine_Null_Empty() => UntrustedText.OneLine(null).ShouldBe("");

    [Fact]
    public void OneLine_LongerThanDefault_CutAt500WithEllipsis()
    {
        var clipped = UntrustedText.OneLine(new string('x', 501));

        clipped.ShouldBe(new string('x', 500) + "…");
    }

    [Fact]
    public void OneLine_ExactlyTheLimit_Unchanged() =>
        UntrustedText.OneLine("abcde", 5).ShouldBe("abcde");

    [Fact]
    public void OneLine_CutWouldSplitSurrogatePair_CutsBeforeThePair()
    {
        var clipped = UntrustedText.OneLine("abc😀def", 4);

        clipped.ShouldBe("abc…");
    }

    [Fact]
    public void Truncate_EmptyMarker_CutsWithoutMark() =>
        UntrustedText.Truncate("abcdef", 3, "").ShouldBe("abc");

    [Fact]
    public void Truncate_KeepsWhiteSpace() =>
        UntrustedText.Truncate("a\nb c", 10).ShouldBe("a\nb c");

    [Fact]
    public void Truncate_CutWouldSplitSurrogatePair_CutsBeforeThePair() =>
        UntrustedText.Truncate("ab😀", 3).ShouldBe("ab…");

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void OneLine_MaxBelowOne_Throws(int max) =>
        Should.Throw<ArgumentOutOfRangeException>(() => UntrustedText.OneLine("x", max));
}
