using SyncHub.Core.Queries;

namespace SyncHub.Web.Pages;

public sealed record IntegrationStatusView(IReadOnlyList<IntegrationStatus> Integrations, DateTimeOffset Now)
{
    public static IntegrationStatusView Empty { get; } = new([], DateTimeOffset.MinValue);
}
