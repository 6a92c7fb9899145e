using System.Globalization;
using SyncHub.Core.Audit;
using SyncHub.Core.Validation;
using SyncHub.Web.Security;

namespace SyncHub.Web.Api;

/// <summary>The audit log, read-only, with the audit page's filters and keyset paging.</summary>
internal static class AuditApi
{
    private const int MaxLimit = 200;

    public static RouteGroupBuilder MapAuditApi(this RouteGroupBuilder api)
    {
        api.MapGet("/audit", ListAsync).RequireAuthorization(Policies.ApiFull)
            .WithName("ListAuditEntries").WithTags("Audit log")
            .WithSummary("Audit entries newest first, filtered by actor, action, target and time; next is the cursor for before")
            .Produces<AuditPageResponse>()
            .ProducesValidationProblem();
        return api;
    }

    private static async Task<IResult> ListAsync(
        string? actor, string? action, string? target, string? from, string? to, string? before, string? limit, AuditQuery audit, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var filter = new AuditFilter(
            actor, action, target, QueryValues.Time(errors, from, "from"), QueryValues.Time(errors, to, "to"), QueryValues.Cursor(errors, before, "before"));
        var size = QueryValues.Int(errors, limit, "limit", 1, MaxLimit) ?? 50;
        if (QueryValues.Problem(errors) is { } invalid)
        {
            return invalid;
        }

        var page = await audit.PageAsync(filter, size, cancellationToken);
        return Results.Ok(new AuditPageResponse(
            [.. page.Entries.Select(e => new AuditEntryResponse(e.Id, e.At, e.Actor, e.Action, AuditLabels.For(e.Action), e.Target, e.Detail))],
            page.NextBefore?.ToString(CultureInfo.InvariantCulture)));
    }
}
