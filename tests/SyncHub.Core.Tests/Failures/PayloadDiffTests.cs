using Shouldly;
using SyncHub.Core.Failures;

namespace SyncHub.Core.Tests.Failures;

public sealed class PayloadDiffTests
{
    [Fact]
    public void Lines_ChangedAddedAndRemovedFields_OneLineEach()
    {
        var lines = PayloadDiff.Lines(
            """{"customer":{"email":"a@x","fax":"123"},"amount":12.5}""",
            """{"customer":{"email":"b@x"},"amount":12.5,"phone":"+14155550123"}""");

        lines.ShouldBe(["~ /customer/email: \"a@x\" → \"b@x\"", "- /customer/fax", "+ /phone: \"+14155550123\""]);
    }

    [Fact]
    public void Lines_Arrays_ComparedIndexByIndex()
    {
        var lines = PayloadDiff.Lines("""{"lines":[{"qty":1},{"qty":2},{"qty":3}]}""", """{"lines":[{"qty":1},{"qty":5}]}""");

        lines.ShouldBe(["~ /lines/1/qty: 2 → 5", "- /lines/2"]);
    }

    [Fact]
    public void Lines_TypeChangeAndSpecialKeys_AreShownAsJsonPointers()
    {
        var lines = PayloadDiff.Lines("""{"a/b":{"x":1},"t~":"1"}""", """{"a/b":"flat","t~":1}""");

        lines.ShouldBe(["~ /a~1b: {\"x\":1} → \"flat\"", "~ /t~0: \"1\" → 1"]);
    }

    [Fact]
    public void Lines_SamePayloadDifferentlyFormatted_NoLines() =>
        PayloadDiff.Lines("""{"a": 1.50, "b": [1, 2]}""", """{"a":1.50,"b":[1,2]}""").ShouldBeEmpty();

    [Fact]
    public void Lines_LongValues_AreShortened()
    {
        var line = PayloadDiff.Lines("""{"note":"short"}""", $$"""{"note":"{{new string('x', 500)}}"}""").ShouldHaveSingleItem();

        line.Length.ShouldBeLessThan(200);
        line.ShouldEndWith("…");
    }

    [Fact]
    public void Lines_ManyChanges_AreCapped()
    {
        var before = "{" + string.Join(",", Enumerable.Range(0, 300).Select(i => $"\"f{i}\":0")) + "}";
        var after = "{" + string.Join(",", Enumerable.Range(0, 300).Select(i => $"\"f{i}\":1")) + "}";

        var lines = PayloadDiff.Lines(before, after);

        lines.Count.ShouldBe(PayloadDiff.MaxLines + 1);
        lines[^1].ShouldBe("… and 100 more changes");
    }
}
