using SyncHub.Core.Audit;
using SyncHub.Core.Failures;

namespace SyncHub.Web.Pages.Records;

/// <summary>Edit-and-retry on the record page: validate the edited payload, or save it and retry the record at once.</summary>
public sealed class RecordEditor(EditAndRetryService edits)
{
    public static RecordEditState Validate(string currentPayload, string? payload)
    {
        var preview = EditRules.Preview(currentPayload, payload);
        return preview.IsValid
            ? new RecordEditState(payload, null, preview.Changes)
            : new RecordEditState(payload, "The payload " + preview.Problem, null);
    }

    /// <returns>Null when there is no such record.</returns>
    public async Task<RecordEditState?> SaveAsync(long id, string? payload, int? version, Actor actor, CancellationToken cancellationToken)
    {
        var result = await edits.EditAndRetryAsync(new EditAndRetryRequest(id, payload, actor.Name) { ExpectedVersion = version }, cancellationToken);
        return result.Outcome switch
        {
            EditAndRetryOutcome.NotFound => null,
            EditAndRetryOutcome.Invalid => new RecordEditState(payload, "The payload " + result.Errors!.ToDictionary()[EditAndRetryService.PayloadField][0], null),
            EditAndRetryOutcome.Conflict => new RecordEditState(payload, result.Message, null, result.Message),
            _ => RecordEditState.Untouched with { Message = result.Message },
        };
    }
}
