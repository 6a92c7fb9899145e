using Shouldly;
using SyncHub.Connectors;
using SyncHub.Core.Operations;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Tests.Operations;

/// <summary>Which records a retry scope takes, on plain objects (no store).</summary>
public sealed class RetryScopeSelectionTests
{
    private static readonly Guid OtherOperation = Guid.NewGuid();

    private static readonly SyncRecord[] Records =
    [
        Record(1, RecordStatus.Failed),
        Record(2, RecordStatus.Failed, errorClass: ErrorClass.Validation),
        Record(3, RecordStatus.DeadLetter),
        Record(4, RecordStatus.Failed, archived: true),
        Record(5, RecordStatus.Failed, operation: OtherOperation),
        Record(6, RecordStatus.Delivered),
        Record(7, RecordStatus.Failed, integrationId: 2),
        Record(8, RecordStatus.DeadLetter, archived: true),
    ];

    [Fact]
    public void Apply_RetryAll_TakesActiveFailedRecordsNotHeldByAnOperation()
    {
        Select(RetryScope.All()).ShouldBe([1, 2, 7]);
    }

    [Fact]
    public void Apply_RetryAllOfOneIntegrationAndClass_NarrowsToBoth()
    {
        Select(RetryScope.All(integrationId: 1, errorClass: ErrorClass.Validation)).ShouldBe([2]);
    }

    [Fact]
    public void Apply_PickedById_TakesDeadLettersAndArchivedRecordsToo()
    {
        Select(RetryScope.Selected([3, 4, 5, 6, 8])).ShouldBe([3, 4, 8]);
    }

    [Fact]
    public void Apply_DeadLettersNotPickedById_TakesOnlyActiveDeadLetters()
    {
        Select(RetryScope.All() with { DeadLetters = true }).ShouldBe([3]);
    }

    private static long[] Select(RetryScope scope) =>
        RetryScopeSelection.Apply(Records.AsQueryable(), scope).Select(r => r.Id).OrderBy(id => id).ToArray();

    private static SyncRecord Record(
        long id, RecordStatus status, ErrorClass errorClass = ErrorClass.Transient, bool archived = false, Guid? operation = null, int integrationId = 1) => new()
    {
        Id = id, IntegrationId = integrationId, EntityType = "invoice", SourceId = $"s{id}", Payload = "{}", IdempotencyBase = $"i{id}",
        Status = status, LastErrorClass = status == RecordStatus.Delivered ? null : errorClass, RetryOperationId = operation,
        ArchivedAt = archived ? new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero) : null,
    };
}
