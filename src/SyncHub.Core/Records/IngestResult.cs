using SyncHub.Core.Validation;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Records;

public sealed record IngestResult(IngestOutcome Outcome, long RecordId = 0, RecordStatus Status = RecordStatus.Pending, FieldErrors? Errors = null);
