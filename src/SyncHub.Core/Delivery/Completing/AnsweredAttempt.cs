namespace SyncHub.Core.Delivery.Completing;

/// <summary>An answered attempt whose result was written, with the plan it was written from and the record's status after the write.</summary>
internal sealed record AnsweredAttempt(Completion Completion, PlannedRecord Plan, Data.Entities.RecordStatus WrittenStatus);
