using SyncHub.Web.Security;

namespace SyncHub.Web.Hosting;

internal static class WebPipelineExtensions
{
    public static IServiceCollection AddSyncHubPages(this IServiceCollection services)
    {
        services.AddRazorPages();
        services.AddHostedService<StartupBanner>();
        return services;
    }

    public static WebApplication UseSyncHubPipeline(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error");
        }

        app.UseStatusCodePages();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    public static WebApplication MapSyncHubPages(this WebApplication app)
    {
        app.MapRazorPages();
        return app;
    }
}
