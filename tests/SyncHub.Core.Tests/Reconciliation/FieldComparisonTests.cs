using Shouldly;
using SyncHub.Core.Reconciliation;

namespace SyncHub.Core.Tests.Reconciliation;

public sealed class FieldComparisonTests
{
    [Theory]
    [InlineData("1", "1.00", true)]
    [InlineData("23.4", "23.4000", true)]
    [InlineData(" Acme ", "Acme", true)]
    [InlineData("", null, true)]
    [InlineData("Acme", "acme", false)]
    [InlineData("1", "2", false)]
    [InlineData("x", null, false)]
    public void Same_TextAndNumbers_ComparedAsDocumented(string? a, string? b, bool same) =>
        FieldComparison.Same(a, b).ShouldBe(same);

    [Fact]
    public void Differences_OnlyTheExpectedFields_AreCompared()
    {
        var differences = FieldComparison.Differences(
            new Dictionary<string, string?> { ["amount"] = "10", ["customer"] = "Acme" },
            new Dictionary<string, string?> { ["amount"] = "12", ["total"] = "99" });

        differences.ShouldBe([new FieldDifference("amount", "10", "12"), new FieldDifference("customer", "Acme", null)]);
    }

    [Fact]
    public void Differences_DestinationOnlyConfirmedItHoldsTheRecord_NothingDiffers() =>
        FieldComparison.Differences(new Dictionary<string, string?> { ["amount"] = "10" }, null).ShouldBeEmpty();
}
