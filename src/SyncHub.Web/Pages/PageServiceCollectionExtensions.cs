using SyncHub.Web.Pages.Dashboard;
using SyncHub.Web.Pages.Failed;
using SyncHub.Web.Pages.Records;

namespace SyncHub.Web.Pages;

public static class PageServiceCollectionExtensions
{
    /// <summary>The small collaborators the page models delegate to: section loaders, list loaders and action handlers.</summary>
    public static IServiceCollection AddPageCollaborators(this IServiceCollection services)
    {
        services.AddScoped<DashboardSections>();
        services.AddScoped<FailedListLoader>();
        services.AddScoped<OperationProgressLoader>();
        services.AddScoped<FailedRetryActions>();
        services.AddScoped<FailedRecordActions>();
        services.AddScoped<RecordRetry>();
        services.AddScoped<RecordEditor>();
        return services;
    }
}
