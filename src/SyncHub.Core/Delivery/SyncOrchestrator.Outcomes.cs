using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SyncHub.Connectors;
using SyncHub.Core.Duplicates;
using SyncHub.Data;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Delivery;

public sealed partial class SyncOrchestrator
{
    private const int MaxFieldProblems = 20;

    /// <summary>
    /// What an outcome says beyond delivered or failed: refused fields, a link to an existing copy, candidates
    /// for a duplicate review, and refused credentials (the connection is then expired until they work again).
    /// </summary>
    private static async Task ApplyOutcomeDetailsAsync(SyncHubDbContext db, SyncRecord record, DeliveryOutcome outcome, DateTimeOffset now, CancellationToken cancellationToken)
    {
        record.FieldProblemsJson = outcome.FieldProblems.Count == 0 ? null : SerializeProblems(outcome.FieldProblems);
        var integration = record.Integration!;
        if (outcome.ErrorClass == ErrorClass.Authentication)
        {
            integration.ConnectionState = ConnectionState.Expired;
            integration.ConnectionNote = Truncate("Credentials were refused: " + outcome.Message, 1000);
        }
        else if (outcome.IsDelivered && integration.ConnectionState == ConnectionState.Expired)
        {
            integration.ConnectionState = ConnectionState.Healthy;
            integration.ConnectionNote = null;
        }

        if (outcome.IsLinked)
        {
            record.ResolutionNote = Truncate(outcome.Note, 1000);
            db.RecordChanges.Add(new RecordChange
            {
                RecordId = record.Id, At = now, Actor = "system", Kind = RecordChangeKind.Link,
                FromVersion = record.PayloadVersion, ToVersion = record.PayloadVersion,
                Detail = Truncate(outcome.Note, 2000) ?? $"Linked to {record.ExternalId}.",
            });
        }

        if (outcome.DuplicateCandidates.Count > 0)
        {
            record.Status = RecordStatus.NeedsReview;
            record.NextAttemptAt = null;
            await DuplicateReviewWriter.OpenAsync(db, record, outcome, now, cancellationToken);
        }
    }

    private static string SerializeProblems(IReadOnlyList<FieldProblem> problems)
    {
        var kept = problems.Take(MaxFieldProblems)
            .Select(p => new { field = Truncate(p.Field, 100), message = Truncate(p.Message, 150) });
        return JsonSerializer.Serialize(kept);
    }
}
