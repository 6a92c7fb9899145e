using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;
using SyncHub.Web.Pages;
using SyncHub.Web.Security;

namespace SyncHub.Web.Hosting;

internal static class WebPipelineExtensions
{
    public static IServiceCollection AddSyncHubPages(this IServiceCollection services)
    {
        services.AddRazorPages(options =>
        {
            options.Conventions.AllowAnonymousToPage("/Account/SignIn");
            options.Conventions.AllowAnonymousToPage("/Account/SignOut");
            options.Conventions.AllowAnonymousToPage("/Account/Denied");
            options.Conventions.AllowAnonymousToPage("/Error");
            options.Conventions.AuthorizeFolder("/Users", Policies.Administer);
            options.Conventions.AuthorizeFolder("/Audit", Policies.Administer);
            options.Conventions.AuthorizeFolder("/Notifications", Policies.Administer);
            options.Conventions.AuthorizeFolder("/ApiKeys", Policies.Administer);
            options.Conventions.AuthorizeFolder("/Schedules", Policies.Administer);
            options.Conventions.AuthorizeFolder("/Integrations", Policies.Administer);
        });
        services.AddSingleton<Pages.Dashboard.SectionLoader>();
        services.AddPageCollaborators();
        services.AddHostedService<StartupBanner>();
        return services;
    }

    public static WebApplication UseSyncHubPipeline(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<SecurityOptions>>().Value.TrustForwardedHeaders)
        {
            app.UseForwardedHeaders(new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto });
        }

        // Every cookie, the ones SyncHub sets and any a library adds, is Secure on an HTTPS request (direct or at a
        // trusted proxy, whose X-Forwarded-Proto the middleware above has applied); HSTS goes with every HTTPS answer,
        // except to localhost, where a browser would remember it for every local app.
        app.UseCookiePolicy(new CookiePolicyOptions { Secure = CookieSecurePolicy.SameAsRequest });
        app.UseHsts();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error");
            if (ServesHttps(app.Configuration))
            {
                app.UseHttpsRedirection();
            }
        }

        app.UseStatusCodePages();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseMiddleware<Api.UnmatchedApiRouteMiddleware>();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<MustChangePasswordMiddleware>();
        return app;
    }

    // Redirecting to HTTPS only makes sense when there is an HTTPS endpoint (or a proxy that says so).
    private static bool ServesHttps(IConfiguration configuration) =>
        configuration["https_port"] is not null || (configuration["Urls"] ?? "").Contains("https://", StringComparison.OrdinalIgnoreCase);

    public static WebApplication MapSyncHubPages(this WebApplication app)
    {
        app.MapRazorPages();
        return app;
    }
}
