namespace SyncHub.Web.Security;

/// <summary>A user signed in with a one-time password can do nothing until they choose their own.</summary>
internal sealed class MustChangePasswordMiddleware(RequestDelegate next)
{
    public const string ChangePasswordPath = "/account/change-password";

    public Task InvokeAsync(HttpContext context)
    {
        if (context.User.HasClaim(Policies.MustChangePasswordClaim, "true")
            && !context.Request.Path.StartsWithSegments("/account", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.Redirect(ChangePasswordPath);
            return Task.CompletedTask;
        }

        return next(context);
    }
}
