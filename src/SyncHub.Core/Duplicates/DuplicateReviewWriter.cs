using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SyncHub.Connectors;
using SyncHub.Data;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Duplicates;

/// <summary>Opens (or refreshes) the duplicate review for a record whose connector found several possible matches.</summary>
internal static class DuplicateReviewWriter
{
    private const int MaxCandidates = 10;
    private const int MaxFields = 12;
    private const int MaxText = 300;

    public static async Task OpenAsync(SyncHubDbContext db, SyncRecord record, DeliveryOutcome outcome, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var candidates = CandidatesJson(outcome.DuplicateCandidates);
        var open = await db.DuplicateReviews
            .SingleOrDefaultAsync(r => r.RecordId == record.Id && r.Status == DuplicateReviewStatus.Open, cancellationToken);
        if (open is not null)
        {
            open.CandidatesJson = candidates;
            open.Reason = Clip(outcome.Message, 2000);
            return;
        }

        db.DuplicateReviews.Add(new DuplicateReview
        {
            RecordId = record.Id,
            IntegrationId = record.IntegrationId,
            CreatedAt = now,
            Reason = Clip(outcome.Message, 2000),
            CandidatesJson = candidates,
        });
    }

    // Candidates are untrusted text from the destination: bounded in number and length before they are stored.
    private static string CandidatesJson(IReadOnlyList<DuplicateCandidate> candidates) =>
        JsonSerializer.Serialize(candidates.Take(MaxCandidates).Select(c => new StoredCandidate(
            Clip(c.ExternalId, 200)!,
            Clip(c.DisplayName, MaxText) ?? "",
            c.Fields.Take(MaxFields).ToDictionary(f => Clip(f.Key, 60)!, f => Clip(f.Value, MaxText) ?? ""))));

    private static string? Clip(string? text, int length) =>
        text is null || text.Length <= length ? text : text[..(length - 1)] + "…";
}
