using Shouldly;
using SyncHub.Connectors;
using SyncHub.Core.Operations;
using SyncHub.Core.Queries;

namespace SyncHub.Core.Tests.Operations;

/// <summary>The small rules of a retry operation, each on its own: when the canary stops it, what the panel and the audit say.</summary>
public sealed class OperationRulesTests
{
    [Theory]
    [InlineData(ErrorClass.Authentication, ErrorClass.Authentication, true)]
    [InlineData(ErrorClass.Validation, ErrorClass.Validation, true)]
    [InlineData(ErrorClass.Validation, ErrorClass.Authentication, false)]
    [InlineData(ErrorClass.Transient, ErrorClass.Transient, false)]
    [InlineData(ErrorClass.RateLimited, ErrorClass.RateLimited, false)]
    public void FailedTheSameWay_ClassBeforeAndAfter_StopsOnlyOnTheSameClassAPersonMustFix(ErrorClass before, ErrorClass after, bool expected)
    {
        OperationCanary.FailedTheSameWay(before, after).ShouldBe(expected);
    }

    [Fact]
    public void FailedTheSameWay_NoClassAfter_DoesNotStop()
    {
        OperationCanary.FailedTheSameWay(ErrorClass.Authentication, null).ShouldBeFalse();
    }

    [Fact]
    public void StopMessage_WithHttpStatus_NamesTheClassStatusAndRecordsLeft()
    {
        var message = OperationEnding.StopMessage(new CanaryFailure(ErrorClass.Authentication, 401), 4);

        message.ShouldStartWith("Stopped after the first record failed again with ");
        message.ShouldContain("(401), as before.");
        message.ShouldContain("The other 4 records were left untouched.");
    }

    [Fact]
    public void StopMessage_WithoutHttpStatus_LeavesTheStatusOut()
    {
        OperationEnding.StopMessage(new CanaryFailure(ErrorClass.Validation, null), 2).ShouldNotContain("(");
    }

    [Fact]
    public void AuditTarget_RetryAllOfOneIntegrationAndClass_NamesBoth()
    {
        RetryOperationAudit.Target(RetryScope.All(3, ErrorClass.Validation)).ShouldBe("integration 3, error class Validation");
    }

    [Fact]
    public void AuditTarget_DeadLettersOfAllIntegrations_SaysSo()
    {
        RetryOperationAudit.Target(RetryScope.All() with { DeadLetters = true }).ShouldBe("all integrations, dead letters");
    }

    [Fact]
    public void AuditTarget_Filtered_UsesTheFilterDescriptionWithoutRepeatingTheClass()
    {
        var filter = new RecordFilter { IntegrationId = 1, ErrorClass = ErrorClass.Validation };

        RetryOperationAudit.Target(RetryScope.Filtered(filter)).ShouldBe(filter.Describe());
    }
}
