using SyncHub.Connectors;

namespace SyncHub.Core.Redaction;

/// <summary>The texts of what a connector answered, with credentials cut out; an outcome without text is returned as it is.</summary>
internal static class OutcomeRedaction
{
    public static DeliveryOutcome Redact(this ProviderTextRedactor redactor, DeliveryOutcome outcome)
    {
        if (outcome.Message is null && outcome.Note is null && outcome.FieldProblems.Count == 0 && outcome.DuplicateCandidates.Count == 0)
        {
            return outcome;
        }

        var message = redactor.RedactOrNull(outcome.Message);
        var redacted = outcome switch
        {
            { IsLinked: true } => DeliveryOutcome.Linked(outcome.ExternalId!, redactor.RedactOrNull(outcome.Note)!, outcome.HttpStatus),
            { IsDelivered: true } => outcome,
            { ErrorClass: ErrorClass.Validation, FieldProblems.Count: > 0 } => DeliveryOutcome.Invalid(
                message!, [.. outcome.FieldProblems.Select(p => new FieldProblem(redactor.Redact(p.Field), redactor.Redact(p.Message)))], outcome.HttpStatus),
            { ErrorClass: ErrorClass.Duplicate, DuplicateCandidates.Count: > 0 } => DeliveryOutcome.PotentialDuplicate(
                message!, [.. outcome.DuplicateCandidates.Select(c => Redact(redactor, c))], outcome.HttpStatus),
            _ => DeliveryOutcome.Failed(outcome.ErrorClass, message!, outcome.HttpStatus, outcome.RetryAfter),
        };
        return redacted == outcome ? outcome : redacted;
    }

    public static SourcePage Redact(this ProviderTextRedactor redactor, SourcePage page) =>
        page is { IsSuccess: false, Message: { } message } && redactor.Redact(message) is var redacted && redacted != message
            ? SourcePage.Failed(page.ErrorClass, redacted, page.HttpStatus, page.RetryAfter)
            : page;

    private static DuplicateCandidate Redact(ProviderTextRedactor redactor, DuplicateCandidate candidate) =>
        new(candidate.ExternalId, redactor.Redact(candidate.DisplayName))
        {
            Fields = candidate.Fields.ToDictionary(f => f.Key, f => redactor.Redact(f.Value)),
        };
}
