using Microsoft.AspNetCore.Authentication;

namespace SyncHub.Web.Security;

internal static class SecurityServiceCollectionExtensions
{
    public const string ApiPolicy = "Api";

    public static IServiceCollection AddSyncHubSecurity(this IServiceCollection services)
    {
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(ApiPolicy, policy => policy.AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName).RequireAuthenticatedUser());
        services.AddAntiforgery(options =>
        {
            options.HeaderName = "RequestVerificationToken";
            options.Cookie.Name = "synchub.antiforgery";
        });
        return services;
    }
}
