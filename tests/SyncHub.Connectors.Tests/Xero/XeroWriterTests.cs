using Shouldly;
using SyncHub.Connectors.Xero;

namespace SyncHub.Connectors.Tests.Xero;

public sealed class XeroWriterTests
{
    [Fact]
    public void IdempotencyKey_UpTo128Characters_SentAsIs()
    {
        var key = new string('k', 128);

        XeroWriter.IdempotencyKey(key).ShouldBe(key);
    }

    [Fact]
    public void IdempotencyKey_Longer_ReplacedByTheSameHashEveryTime()
    {
        var key = new string('k', 129);

        var first = XeroWriter.IdempotencyKey(key);

        first.Length.ShouldBe(64);
        first.ShouldNotBe(key);
        XeroWriter.IdempotencyKey(key).ShouldBe(first);
        XeroWriter.IdempotencyKey(key + "x").ShouldNotBe(first);
    }
}
