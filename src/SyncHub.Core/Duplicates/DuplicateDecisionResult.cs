namespace SyncHub.Core.Duplicates;

/// <summary>What a review decision did; <see cref="Message"/> says it in a sentence for the page.</summary>
public sealed record DuplicateDecisionResult(DuplicateDecisionOutcome Outcome, string Message)
{
    public bool Succeeded => Outcome == DuplicateDecisionOutcome.Done;
}
