using Shouldly;
using SyncHub.Connectors;
using SyncHub.Core.Delivery;
using SyncHub.Core.Delivery.Claiming;
using SyncHub.Core.Delivery.Completing;
using SyncHub.Core.Mapping;
using SyncHub.Core.Retries;
using SyncHub.Data.Entities;
using SyncHub.TestUtils;

namespace SyncHub.Core.Tests.Delivery.Completing;

/// <summary>The record's next state from the claim's snapshot and the destination's answer alone, before anything is written.</summary>
public sealed class OutcomePlannerTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);
    private readonly OutcomePlanner _planner = new(new BackoffCalculator(new FixedJitter()));

    [Fact]
    public void Plan_Delivered_ResetsTheRetryStateAndKeepsTheDestinationsId()
    {
        var work = Work(AttemptTrigger.AutomaticRetry, r => { r.AutomaticRetryCount = 3; r.RetryCount = 4; r.HasDeadLettered = true; });

        var plan = _planner.Plan(work, DeliveryOutcome.Delivered("EXT-9", 201), new ResendGuard(false), MappingResult.Success("{}"), Now);

        (plan.Delivered, plan.Status, plan.AttemptStatus).ShouldBe((true, RecordStatus.Delivered, AttemptStatus.Succeeded));
        (plan.RetryCount, plan.AutomaticRetryCount, plan.AutomaticRetriesExhausted, plan.OutcomeUnknown).ShouldBe((5, 0, false, false));
        (plan.DeadLetter, plan.ExternalId, plan.NextAttemptAt, plan.ErrorFingerprint).ShouldBe((DeadLetterChange.Clear, "EXT-9", null, null));
    }

    [Fact]
    public void Plan_FoundByLookUp_IsReconciledWithItsMessage()
    {
        var guard = new ResendGuard(true) { Step = LookupStep.Found, OutcomeUnknown = false };

        var plan = _planner.Plan(Work(AttemptTrigger.AutomaticRetry), DeliveryOutcome.Delivered("EXT-1"), guard, MappingResult.Success("{}"), Now);

        plan.Reconciled.ShouldBeTrue();
        plan.AttemptMessage.ShouldBe(OutcomePlanner.ReconciledMessage);
    }

    [Fact]
    public void Plan_DeliveredWithMappingDefaults_NotesThemOnTheAttempt()
    {
        var mapping = MappingResult.Success("{}") with { DefaultedFields = ["dueDate"], SourceValuesError = "not a date" };

        var plan = _planner.Plan(Work(AttemptTrigger.Delivery), DeliveryOutcome.Delivered(), new ResendGuard(false), mapping, Now);

        plan.AttemptMessage.ShouldBe("Delivered with mapping defaults for: dueDate. The source values failed the mapping: not a date");
    }

    [Fact]
    public void Plan_TransientOnAnAutomaticRetry_MovesTheBackoffOneStepOn()
    {
        var work = Work(AttemptTrigger.AutomaticRetry, r => r.AutomaticRetryCount = 2);

        var plan = _planner.Plan(work, DeliveryOutcome.Failed(ErrorClass.Transient, "Service unavailable", 503), new ResendGuard(false), MappingResult.Success("{}"), Now);

        (plan.Status, plan.AutomaticRetryCount, plan.DeadLetter).ShouldBe((RecordStatus.Failed, 3, DeadLetterChange.Clear));
        plan.NextAttemptAt.ShouldBe(Now + TimeSpan.FromSeconds(30 * 8), "base 30 s × 2^3 with the jitter pinned to the nominal value");
        (plan.ErrorClass, plan.HttpStatus, plan.ErrorMessage, plan.AttemptErrorClass).ShouldBe((ErrorClass.Transient, 503, "Service unavailable", ErrorClass.Transient));
    }

    [Fact]
    public void Plan_FailedOnAManualRetry_RestartsTheBackoffTimer()
    {
        var work = Work(AttemptTrigger.ManualRetry, r => r.AutomaticRetryCount = 5);

        var plan = _planner.Plan(work, DeliveryOutcome.Failed(ErrorClass.Transient, "down", 503), new ResendGuard(false), MappingResult.Success("{}"), Now);

        (plan.AutomaticRetryCount, plan.NextAttemptAt).ShouldBe((0, Now + TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public void Plan_BudgetSpent_BecomesADeadLetter()
    {
        var work = Work(AttemptTrigger.AutomaticRetry, r => r.AutomaticRetryCount = 7);

        var plan = _planner.Plan(work, DeliveryOutcome.Failed(ErrorClass.Transient, "down", 503), new ResendGuard(false), MappingResult.Success("{}"), Now);

        (plan.Status, plan.AutomaticRetriesExhausted, plan.DeadLetter, plan.NextAttemptAt).ShouldBe((RecordStatus.DeadLetter, true, DeadLetterChange.Set, null));
    }

    [Fact]
    public void Plan_DeadLetterRetriedByHandFailsAgain_StaysADeadLetter()
    {
        var work = Work(AttemptTrigger.ManualRetry, r => r.HasDeadLettered = true);

        var plan = _planner.Plan(work, DeliveryOutcome.Failed(ErrorClass.Transient, "down", 503), new ResendGuard(false), MappingResult.Success("{}"), Now);

        plan.Status.ShouldBe(RecordStatus.DeadLetter);
    }

    [Fact]
    public void Plan_ValidationError_WaitsForAPersonWithoutARetry()
    {
        var plan = _planner.Plan(
            Work(AttemptTrigger.Delivery), DeliveryOutcome.Invalid("Contact is required", [new FieldProblem("contact", "required")], 422),
            new ResendGuard(false), MappingResult.Success("{}"), Now);

        (plan.Status, plan.NextAttemptAt, plan.DeadLetter).ShouldBe((RecordStatus.Failed, null, DeadLetterChange.Keep));
        plan.FieldProblemsJson.ShouldBe("""[{"field":"contact","message":"required"}]""");
    }

    [Theory]
    [InlineData(ErrorClass.SchemaMismatch, false, RecordStatus.Skipped)]
    [InlineData(ErrorClass.Duplicate, true, RecordStatus.Skipped)]
    [InlineData(ErrorClass.Duplicate, false, RecordStatus.Failed)]
    public void Plan_SchemaMismatchOrKnownDuplicate_IsSkipped(ErrorClass errorClass, bool duplicateDetection, RecordStatus expected)
    {
        var work = Work(AttemptTrigger.Delivery, integration: i => i.DuplicateDetection = duplicateDetection);

        var plan = _planner.Plan(work, DeliveryOutcome.Failed(errorClass, "no"), new ResendGuard(false), MappingResult.Success("{}"), Now);

        plan.Status.ShouldBe(expected);
        plan.AttemptStatus.ShouldBe(expected == RecordStatus.Skipped ? AttemptStatus.Skipped : AttemptStatus.Failed);
    }

    [Fact]
    public void Plan_PotentialDuplicate_WaitsForReview()
    {
        var outcome = DeliveryOutcome.PotentialDuplicate("Two customers share the e-mail", [new DuplicateCandidate("C-1", "Ada")]);

        var plan = _planner.Plan(Work(AttemptTrigger.Delivery), outcome, new ResendGuard(false), MappingResult.Success("{}"), Now);

        (plan.Status, plan.NextAttemptAt).ShouldBe((RecordStatus.NeedsReview, null));
    }

    [Fact]
    public void Plan_LookUpFailed_SaysSoAndGroupsByThatMessage()
    {
        var guard = new ResendGuard(true) { Step = LookupStep.Failed };

        var plan = _planner.Plan(Work(AttemptTrigger.AutomaticRetry), DeliveryOutcome.Failed(ErrorClass.Transient, "timeout"), guard, MappingResult.Success("{}"), Now);

        plan.ErrorMessage.ShouldBe("Look-up before sending again failed: timeout");
        plan.AttemptMessage.ShouldBe(plan.ErrorMessage);
        plan.ErrorFingerprint.ShouldBe(SyncHub.Core.Failures.Groups.ErrorFingerprint.For(1, ErrorClass.Transient, plan.ErrorMessage));
        plan.OutcomeUnknown.ShouldBeTrue("the guard still does not know whether the earlier send landed");
    }

    private static ClaimedRecord Work(AttemptTrigger trigger, Action<ClaimRow>? record = null, Action<Integration>? integration = null)
    {
        var row = new ClaimRow { Id = 42, IntegrationId = 1, EntityType = "invoice", SourceId = "INV-1", Payload = "{}", PayloadVersion = 1, IdempotencyBase = "k" };
        record?.Invoke(row);
        var entity = new Integration { Id = 1, Slug = "books", Name = "Books", Connector = "fake" };
        integration?.Invoke(entity);
        return new ClaimedRecord(row, new IntegrationSnapshot(entity, null, null), 7, trigger, new ClaimBatch(new ActiveClaims()));
    }
}
