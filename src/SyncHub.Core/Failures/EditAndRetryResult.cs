using SyncHub.Core.Validation;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Failures;

/// <summary>What an edit-and-retry did: the record's payload version and status afterwards, or why nothing changed.</summary>
public sealed record EditAndRetryResult(EditAndRetryOutcome Outcome, string Message)
{
    public FieldErrors? Errors { get; init; }

    public int PayloadVersion { get; init; }

    public RecordStatus? Status { get; init; }

    public static EditAndRetryResult Invalid(string field, string message)
    {
        var errors = new FieldErrors();
        errors.Add(field, message);
        return new(EditAndRetryOutcome.Invalid, $"{field} {message}") { Errors = errors };
    }
}
