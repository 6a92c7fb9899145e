using Htmx;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace SyncHub.Web.Security;

/// <summary>
/// On a page whose GETs anyone signed in may see, every POST handler (retry, dismiss, ...) needs the
/// Operate policy. Viewers do not see the buttons, and a hand-made POST from one is refused here.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class OperatorActionsAttribute : Attribute, IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (!HttpMethods.IsGet(context.HttpContext.Request.Method) && !HttpMethods.IsHead(context.HttpContext.Request.Method))
        {
            var authorization = context.HttpContext.RequestServices.GetRequiredService<IAuthorizationService>();
            if (!(await authorization.AuthorizeAsync(context.HttpContext.User, Policies.Operate)).Succeeded)
            {
                // htmx would follow a redirect to the "not allowed" page and swap a whole page into a fragment;
                // it gets a plain 403 that site.js shows as a message instead.
                context.Result = context.HttpContext.Request.IsHtmx()
                    ? new ContentResult { StatusCode = StatusCodes.Status403Forbidden, Content = "Your role does not allow this action.", ContentType = "text/plain" }
                    : new ForbidResult();
                return;
            }
        }

        await next();
    }
}
