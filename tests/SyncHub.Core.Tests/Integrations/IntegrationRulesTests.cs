using Shouldly;
using SyncHub.Core.Integrations;
using SyncHub.Core.Validation;

namespace SyncHub.Core.Tests.Integrations;

/// <summary>The rules an integration's forms follow, each on its own: retry bounds and defaults, mapping defaults, audit detail.</summary>
public sealed class IntegrationRulesTests
{
    [Fact]
    public void RetryPolicyRules_OutOfBounds_NamesEveryField()
    {
        var errors = new FieldErrors();

        RetryPolicyRules.Validate(errors, new RetryPolicyRequest(0, 11, 604_801, -1));

        errors.ToDictionary().Keys.Order(StringComparer.Ordinal).ShouldBe(
            ["retry.baseDelaySeconds", "retry.factor", "retry.maxAutomaticAttempts", "retry.maxDelaySeconds"]);
    }

    [Fact]
    public void RetryPolicyRules_AtTheBounds_IsValid()
    {
        var errors = new FieldErrors();

        RetryPolicyRules.Validate(errors, new RetryPolicyRequest(86_400, 1, 1, 100));

        errors.IsEmpty.ShouldBeTrue();
    }

    [Fact]
    public void ToPolicy_PartialRequest_KeepsTheDefaultsForWhatItLeavesOut()
    {
        var policy = RetryPolicyRules.ToPolicy(new RetryPolicyRequest(10, null, null, 3));

        (policy.BaseDelaySeconds, policy.Factor, policy.MaxDelaySeconds, policy.MaxAutomaticAttempts).ShouldBe((10d, 2d, 3600d, 3));
    }

    [Fact]
    public void MappingDefaultsParser_NotJson_IsAnErrorOnTheDefaultsField()
    {
        var errors = new FieldErrors();

        MappingDefaultsParser.Parse(errors, "{nope").ShouldBeNull();

        errors.ToDictionary().Keys.ShouldBe(["mappingDefaults"]);
    }

    [Fact]
    public void MappingDefaultsParser_EmptyObjectOrBlank_StoresNothing()
    {
        var errors = new FieldErrors();

        MappingDefaultsParser.Parse(errors, "{}").ShouldBeNull();
        MappingDefaultsParser.Parse(errors, "  ").ShouldBeNull();
        errors.IsEmpty.ShouldBeTrue();
    }

    [Fact]
    public void MappingDefaultsParser_Names_ListsTheStoredNames()
    {
        MappingDefaultsParser.Names("""{"currency":"NZD","taxType":"GST"}""").ShouldBe("currency, taxType");
        MappingDefaultsParser.Names(null).ShouldBe("none");
    }

    [Fact]
    public void AuditEntry_LongDetail_IsCutAt2000Characters()
    {
        var entry = IntegrationAudit.Entry(DateTimeOffset.UnixEpoch, "admin", IntegrationAuditActions.Update, "books", new string('x', 3000));

        entry.Detail!.Length.ShouldBe(2000);
        entry.Detail.ShouldEndWith("…");
        entry.Target.ShouldBe(IntegrationAuditActions.Target("books"));
    }
}
