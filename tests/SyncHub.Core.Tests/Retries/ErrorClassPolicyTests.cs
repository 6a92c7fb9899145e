using Shouldly;
using SyncHub.Connectors;
using SyncHub.Core.Retries;

namespace SyncHub.Core.Tests.Retries;

/// <summary>One test per row of the classification table (seed 004's principle 1 plus the record-level classes).</summary>
public sealed class ErrorClassPolicyTests
{
    [Theory]
    [InlineData(ErrorClass.Transient, RetryTreatment.Backoff, null, true)]
    [InlineData(ErrorClass.RateLimited, RetryTreatment.Backoff, null, false)]
    [InlineData(ErrorClass.Authentication, RetryTreatment.None, null, false)]
    [InlineData(ErrorClass.Authorization, RetryTreatment.None, null, false)]
    [InlineData(ErrorClass.NotFound, RetryTreatment.Delayed, 3, false)]
    [InlineData(ErrorClass.Validation, RetryTreatment.None, null, false)]
    [InlineData(ErrorClass.ServerError, RetryTreatment.Bounded, 3, true)]
    [InlineData(ErrorClass.Conflict, RetryTreatment.Bounded, 2, true)]
    [InlineData(ErrorClass.Duplicate, RetryTreatment.None, null, false)]
    [InlineData(ErrorClass.ReferenceNotFound, RetryTreatment.None, null, false)]
    [InlineData(ErrorClass.Transform, RetryTreatment.None, null, false)]
    [InlineData(ErrorClass.SchemaMismatch, RetryTreatment.None, null, false)]
    [InlineData(ErrorClass.ConnectorFault, RetryTreatment.None, null, false)]
    public void For_EachClass_HasItsTreatment(ErrorClass errorClass, RetryTreatment retry, int? limit, bool lookUpFirst)
    {
        var treatment = ErrorClassPolicy.For(errorClass);

        treatment.Retry.ShouldBe(retry);
        treatment.RetryLimit.ShouldBe(limit);
        treatment.LookUpFirst.ShouldBe(lookUpFirst);
        ErrorClassPolicy.IsAutomaticallyRetryable(errorClass).ShouldBe(retry != RetryTreatment.None);
    }

    [Fact]
    public void For_NotFound_WaitsAFixedDelay() =>
        ErrorClassPolicy.For(ErrorClass.NotFound).FixedDelay.ShouldBe(TimeSpan.FromMinutes(2));

    [Fact]
    public void All_EveryFailureClass_HasALabelAndADiagnosis()
    {
        var failureClasses = Enum.GetValues<ErrorClass>().Where(c => c != ErrorClass.None).ToList();

        ErrorClassPolicy.All.Select(t => t.Class).ShouldBe(failureClasses);
        ErrorClassPolicy.All.ShouldAllBe(t => t.Label.Length > 0 && t.Diagnosis.Length > 20);
    }

    [Theory]
    [InlineData(ErrorClass.Authentication, PatternScope.All, "All records fail with 401", "Re-authenticate the connection")]
    [InlineData(ErrorClass.RateLimited, PatternScope.All, "All records fail with 429", "Reduce the sync frequency or batch size")]
    [InlineData(ErrorClass.Validation, PatternScope.Some, "Specific records fail with validation errors", "Fix the source data or the field mapping")]
    [InlineData(ErrorClass.SchemaMismatch, PatternScope.All, "All records fail with a schema error", "Update the field mapping")]
    [InlineData(ErrorClass.Transient, PatternScope.Some, "Intermittent 5xx errors", "the automatic retry policy handles")]
    [InlineData(ErrorClass.ServerError, PatternScope.Some, "Intermittent 5xx errors", "the automatic retry policy handles")]
    public void Pattern_CommonErrorPattern_NamesThePatternAndSaysWhatToDo(ErrorClass errorClass, PatternScope scope, string pattern, string advice)
    {
        var found = ErrorClassPolicy.For(errorClass).Pattern.ShouldNotBeNull();

        found.Scope.ShouldBe(scope);
        found.Hint.ShouldStartWith(pattern);
        found.Hint.ShouldContain(advice);
    }

    [Fact]
    public void Diagnosis_EveryClass_SpeaksOfTheOneRecordNeverOfAllRecords() =>
        ErrorClassPolicy.All.ShouldAllBe(t => !t.Diagnosis.Contains("All records") && !t.Diagnosis.Contains("Specific records") && !t.Diagnosis.Contains("Intermittent"));
}
