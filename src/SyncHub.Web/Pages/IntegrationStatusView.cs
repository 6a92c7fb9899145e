using SyncHub.Core.Queries;

namespace SyncHub.Web.Pages;

public sealed record IntegrationStatusView(IReadOnlyList<IntegrationStatus> Integrations, DateTimeOffset Now)
{
    public static IntegrationStatusView Empty { get; } = new([], DateTimeOffset.MinValue);

    /// <summary>The status query failed and no earlier result is at hand; the box says so and keeps polling.</summary>
    public bool Unavailable { get; init; }

    /// <summary>Set when the status query failed and <see cref="Integrations"/> is the last good result, read at this time.</summary>
    public DateTimeOffset? AsOf { get; init; }

    public Dashboard.StaleNotice? Stale => AsOf is { } asOf ? new Dashboard.StaleNotice(asOf, Now) : null;
}
