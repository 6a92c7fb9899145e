using SyncHub.Core.Validation;

namespace SyncHub.Core.Records;

/// <summary>All records of a batch accepted (in request order), or none with the reasons.</summary>
public sealed record IngestBatchResult(IngestOutcome Outcome, IReadOnlyList<IngestResult> Items, FieldErrors? Errors = null);
