using SyncHub.Core.Queries;

namespace SyncHub.Web.Pages;

public sealed record IntegrationStatusView(IReadOnlyList<IntegrationStatus> Integrations, DateTimeOffset Now)
{
    public static IntegrationStatusView Empty { get; } = new([], DateTimeOffset.MinValue);

    /// <summary>The status query failed; the box says so and keeps polling.</summary>
    public bool Unavailable { get; init; }
}
