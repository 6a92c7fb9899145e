using Shouldly;
using SyncHub.Connectors;
using SyncHub.Core.Queries;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Tests.Queries;

/// <summary>A diagnosis says what the recent attempts show, and a common pattern's hint only when the pattern holds.</summary>
public sealed class ErrorDiagnosisTests
{
    [Fact]
    public void For_One401AmongManyDeliveries_GivesTheShare_AndNoAllRecordsClaim()
    {
        var recent = Mix(Delivered(100), Failed(ErrorClass.Authentication, 1), Delivered(99));

        var diagnosis = ErrorDiagnosis.For(ErrorClass.Authentication, "Books", recent);

        diagnosis.Share.ShouldBe("1 of the last 200 attempts to Books (0.5 %) failed with Authentication.");
        diagnosis.PatternHolds.ShouldBeFalse();
        diagnosis.Advice.ShouldNotContain("All records");
        diagnosis.Advice.ShouldContain("refused the credentials (401) for this attempt");
    }

    [Fact]
    public void For_TheNewestAttemptsAllFailedWith401_SaysAllRecordsFail()
    {
        var recent = Mix(Failed(ErrorClass.Authentication, 6), Delivered(194));

        var diagnosis = ErrorDiagnosis.For(ErrorClass.Authentication, "Books", recent);

        diagnosis.Share.ShouldBe("6 of the last 200 attempts to Books (3 %) failed with Authentication, including the newest 6.");
        diagnosis.PatternHolds.ShouldBeTrue();
        diagnosis.Advice.ShouldStartWith("All records fail with 401");
        diagnosis.Advice.ShouldContain("Re-authenticate the connection");
        diagnosis.Text.ShouldBe(diagnosis.Share + " " + diagnosis.Advice);
    }

    [Fact]
    public void For_FewerNewestFailuresThanTheMinimum_NoAllRecordsClaim()
    {
        var recent = Mix(Failed(ErrorClass.Authentication, ErrorDiagnosis.MinimumStreak - 1), Delivered(10));

        ErrorDiagnosis.For(ErrorClass.Authentication, "Books", recent).PatternHolds.ShouldBeFalse();
    }

    [Fact]
    public void For_A401AfterTheNewestDelivery_BreaksTheAllRecordsPattern()
    {
        var recent = Mix(Delivered(1), Failed(ErrorClass.Authentication, 20));

        var diagnosis = ErrorDiagnosis.For(ErrorClass.Authentication, "Books", recent);

        diagnosis.PatternHolds.ShouldBeFalse();
        diagnosis.Share.ShouldBe("20 of the last 21 attempts to Books (95 %) failed with Authentication.");
    }

    [Fact]
    public void For_EveryAttemptFailedWith429_SaysAllRecordsFailWithTheShareAtOneHundred()
    {
        var recent = Mix(Failed(ErrorClass.RateLimited, 8));

        var diagnosis = ErrorDiagnosis.For(ErrorClass.RateLimited, "Books", recent);

        diagnosis.Share.ShouldBe("8 of the last 8 attempts to Books (100 %) failed with Rate limited.");
        diagnosis.Advice.ShouldBe("All records fail with 429: the rate limit is exceeded. Reduce the sync frequency or batch size.");
    }

    [Fact]
    public void For_TransientFailuresBetweenDeliveries_SaysIntermittent()
    {
        var recent = Mix(Failed(ErrorClass.Transient, 1), Delivered(3), Failed(ErrorClass.Transient, 2), Delivered(4));

        var diagnosis = ErrorDiagnosis.For(ErrorClass.Transient, "Books", recent);

        diagnosis.PatternHolds.ShouldBeTrue();
        diagnosis.Advice.ShouldStartWith("Intermittent 5xx errors");
        diagnosis.Share.ShouldBe("3 of the last 10 attempts to Books (30 %) failed with Transient.");
    }

    [Fact]
    public void For_TransientFailuresWithNoDeliveryAtAll_DoesNotCallThemIntermittent()
    {
        var recent = Mix(Failed(ErrorClass.Transient, 12));

        var diagnosis = ErrorDiagnosis.For(ErrorClass.Transient, "Books", recent);

        diagnosis.PatternHolds.ShouldBeFalse();
        diagnosis.Advice.ShouldNotContain("Intermittent");
        diagnosis.Advice.ShouldContain("retried automatically until the integration's retry budget is spent");
    }

    [Fact]
    public void For_SomeRecordsFailValidationWhileOthersAreDelivered_SaysSpecificRecords()
    {
        var recent = Mix(Delivered(5), Failed(ErrorClass.Validation, 1), Delivered(4));

        var diagnosis = ErrorDiagnosis.For(ErrorClass.Validation, "Books", recent);

        diagnosis.PatternHolds.ShouldBeTrue();
        diagnosis.Advice.ShouldStartWith("Specific records fail with validation errors");
    }

    [Fact]
    public void For_EveryRecentRecordFailsValidation_DoesNotCallThemSpecificRecords()
    {
        var recent = Mix(Failed(ErrorClass.Validation, 30));

        var diagnosis = ErrorDiagnosis.For(ErrorClass.Validation, "Books", recent);

        diagnosis.PatternHolds.ShouldBeFalse();
        diagnosis.Advice.ShouldNotContain("Specific records");
    }

    [Fact]
    public void For_AClassWithoutAPattern_GivesTheShareAndTheRecordAdvice()
    {
        var recent = Mix(Failed(ErrorClass.Conflict, 7));

        var diagnosis = ErrorDiagnosis.For(ErrorClass.Conflict, "Books", recent);

        diagnosis.PatternHolds.ShouldBeFalse();
        diagnosis.Advice.ShouldStartWith("409");
    }

    [Fact]
    public void For_TheRecordsFailureIsOlderThanTheRecentAttempts_SaysSo()
    {
        var diagnosis = ErrorDiagnosis.For(ErrorClass.Authentication, "Books", Mix(Delivered(200)));

        diagnosis.Share.ShouldBe("None of the last 200 attempts to Books failed with Authentication; this record's failure is older.");
        diagnosis.PatternHolds.ShouldBeFalse();
    }

    [Fact]
    public void For_NoFinishedAttempts_SaysSo()
    {
        ErrorDiagnosis.For(ErrorClass.Validation, "Books", AttemptMix.None).Share.ShouldBe("Books has no finished attempts on record.");
    }

    [Fact]
    public void For_OneLastAttempt_SaysTheLastAttempt()
    {
        ErrorDiagnosis.For(ErrorClass.Validation, "Books", Mix(Failed(ErrorClass.Validation, 1))).Share
            .ShouldBe("The last attempt to Books failed with Validation.");
    }

    [Theory]
    [InlineData(199, 200, "99.5 %")]
    [InlineData(1, 200, "0.5 %")]
    [InlineData(1, 3, "33 %")]
    public void For_ShareNearTheEnds_IsNeverRoundedToNoneOrAll(int failed, int attempts, string percent)
    {
        var recent = Mix(Delivered(attempts - failed), Failed(ErrorClass.Validation, failed));

        ErrorDiagnosis.For(ErrorClass.Validation, "Books", recent).Share.ShouldContain($"({percent})");
    }

    [Fact]
    public void AttemptMix_AFailedEntryLaterResolved_CountsAsTheFailureItWas()
    {
        var mix = AttemptMix.From([(AttemptStatus.Succeeded, null), (AttemptStatus.Succeeded, ErrorClass.Transient), (AttemptStatus.Skipped, ErrorClass.SchemaMismatch)]);

        mix.Attempts.ShouldBe(3);
        mix.Delivered.ShouldBe(1);
        mix.FailedWith(ErrorClass.Transient).ShouldBe(1);
        mix.FailedWith(ErrorClass.SchemaMismatch).ShouldBe(1);
        mix.Streak.ShouldBe(0);
    }

    private static AttemptMix Mix(params (AttemptStatus, ErrorClass?)[][] newestFirst) => AttemptMix.From([.. newestFirst.SelectMany(part => part)]);

    private static (AttemptStatus, ErrorClass?)[] Delivered(int count) => [.. Enumerable.Repeat((AttemptStatus.Succeeded, (ErrorClass?)null), count)];

    private static (AttemptStatus, ErrorClass?)[] Failed(ErrorClass errorClass, int count) => [.. Enumerable.Repeat((AttemptStatus.Failed, (ErrorClass?)errorClass), count)];
}
