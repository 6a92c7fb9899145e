using System.Globalization;
using System.Threading.RateLimiting;
using Htmx;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using SyncHub.Core.ApiKeys;
using SyncHub.Data;
using SyncHub.Data.Entities;

namespace SyncHub.Web.Security;

internal static class SecurityServiceCollectionExtensions
{
    public const string SignInRateLimit = "sign-in";
    public const string ApiRateLimit = "api";

    public static IServiceCollection AddSyncHubSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var security = configuration.GetSection(SecurityOptions.Section).Get<SecurityOptions>() ?? new SecurityOptions();

        // Identity's stores want a scoped DbContext; it comes from the same pooled factory as everything else.
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<SyncHubDbContext>>().CreateDbContext());
        services.AddIdentity<SyncHubUser, IdentityRole>(options =>
            {
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = true;
                options.Password.RequireLowercase = true;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                // Identity's lockout is the administrator's Lock button only; failed passwords are limited per account
                // and client address by SignInThrottle, so nobody can lock someone else out from anywhere.
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = security.MaxFailedSignIns;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(security.LockoutMinutes);
                options.User.RequireUniqueEmail = true;
            })
            .AddUserStore<GatedUserStore>()
            .AddRoleStore<GatedRoleStore>()
            .AddClaimsPrincipalFactory<SyncHubClaimsPrincipalFactory>()
            .AddDefaultTokenProviders();
        // Role changes, locks and password resets take effect on the user's very next request, not in 30 minutes.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.Zero);
        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "synchub.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.LoginPath = "/account/sign-in";
            options.LogoutPath = "/account/sign-out";
            options.AccessDeniedPath = "/account/denied";
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;

            // htmx would follow the redirect and swap the whole "Not allowed" page into a fragment; it gets a
            // plain 403 that site.js shows as a message instead (as OperatorActionsAttribute does).
            options.Events.OnRedirectToAccessDenied = context =>
            {
                if (!context.Request.IsHtmx())
                {
                    context.Response.Redirect(context.RedirectUri);
                    return Task.CompletedTask;
                }

                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                context.Response.ContentType = "text/plain";
                return context.Response.WriteAsync("Your role does not allow this action.");
            };
        });
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Operate, policy => policy.RequireRole(Roles.Administrator, Roles.Operator))
            .AddPolicy(Policies.Administer, policy => policy.RequireRole(Roles.Administrator))
            .AddPolicy(Policies.ApiIngest, policy => policy.AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName).RequireAuthenticatedUser())
            .AddPolicy(Policies.ApiFull, policy => policy.AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName).RequireClaim(Policies.ScopeClaim, "full"));

        services.AddAntiforgery(options =>
        {
            options.HeaderName = "RequestVerificationToken";
            options.Cookie.Name = "synchub.antiforgery";

            // Secure whenever the request is HTTPS, directly or at a trusted proxy (the default never marks it Secure).
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddDataProtection().SetApplicationName("SyncHub");
        services.AddOptions<KeyManagementOptions>().Configure<IServiceProvider>((options, provider) => options.XmlRepository = new GatedKeyRepository(
            new EntityFrameworkCoreXmlRepository<SyncHubDbContext>(provider, provider.GetRequiredService<ILoggerFactory>()), provider.GetRequiredService<WriteGate>()));
        services.AddRateLimiter(options => ConfigureRateLimits(options, security));
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<ConfiguredApiKeys>();
        services.AddHostedService<AccountBootstrapper>();
        return services;
    }

    private static void ConfigureRateLimits(RateLimiterOptions options, SecurityOptions security)
    {
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.OnRejected = async (context, cancellationToken) =>
        {
            var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
            context.HttpContext.Response.Headers.RetryAfter = Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            await Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests",
                detail: $"Slow down; try again in {Math.Ceiling(retryAfter.TotalSeconds)} s.").ExecuteAsync(context.HttpContext);
        };
        // Only attempts count: loading the form (or reloading it after a refusal) costs nothing.
        options.AddPolicy(SignInRateLimit, context => HttpMethods.IsPost(context.Request.Method)
            ? RateLimitPartition.GetFixedWindowLimiter(
                ClientAddress(context),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = security.SignInAttemptsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
            : RateLimitPartition.GetNoLimiter("page"));
        options.AddPolicy(ApiRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
            context.Request.Headers[ApiKeyAuthenticationHandler.HeaderName].ToString() is { Length: > 0 } key ? "key:" + ApiKeyHasher.Hash(key) : ClientAddress(context),
            _ => new FixedWindowRateLimiterOptions { PermitLimit = security.ApiRequestsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
    }

    /// <summary>The client's address (the proxy's view of it when forwarded headers are trusted).</summary>
    public static string ClientAddress(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
