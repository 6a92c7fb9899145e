using SyncHub.Core.Notifications;
using SyncHub.Web.Security;

namespace SyncHub.Web.Api;

/// <summary>Notification channels: list, create, change, delete and send a test, each audited as on the notifications page.</summary>
internal static class NotificationChannelsApi
{
    private const string Tag = "Notification channels";

    public static RouteGroupBuilder MapNotificationChannelsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/notification-channels", ListAsync).RequireAuthorization(Policies.ApiFull)
            .WithName("ListNotificationChannels").WithTags(Tag)
            .WithSummary("Every channel with its queue (pending, failed for good) and last result; secrets never appear")
            .Produces<IReadOnlyList<NotificationChannelResponse>>();
        api.MapGet("/notification-channels/{id:int}", GetAsync).RequireAuthorization(Policies.ApiFull)
            .WithName("GetNotificationChannel").WithTags(Tag)
            .WithSummary("One channel")
            .Produces<NotificationChannelResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/notification-channels", CreateAsync).RequireAuthorization(Policies.ApiFull)
            .WithName("CreateNotificationChannel").WithTags(Tag)
            .WithSummary("Add a channel: the dashboard inbox (inApp), a JSON webhook, a Slack-compatible webhook or e-mail")
            .WithDescription("events picks what it is sent (all when left out); throttleMinutes counts repeats of one event group into the message already made. Templates are Scriban.")
            .Accepts<NotificationChannelBody>("application/json")
            .Produces<NotificationChannelResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem();
        api.MapPatch("/notification-channels/{id:int}", UpdateAsync).RequireAuthorization(Policies.ApiFull)
            .WithName("UpdateNotificationChannel").WithTags(Tag)
            .WithSummary("Change a channel; fields left out keep their value, a blank url or password keeps the stored one")
            .Accepts<NotificationChannelBody>("application/json")
            .Produces<NotificationChannelResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapDelete("/notification-channels/{id:int}", DeleteAsync).RequireAuthorization(Policies.ApiFull)
            .WithName("DeleteNotificationChannel").WithTags(Tag)
            .WithSummary("Delete a channel and its messages")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/notification-channels/{id:int}/test", TestAsync).RequireAuthorization(Policies.ApiFull)
            .WithName("TestNotificationChannel").WithTags(Tag)
            .WithSummary("Send a test message through the channel now and say whether it took it")
            .Produces<ChannelTestResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<IResult> ListAsync(NotificationsQuery query, NotificationChannelService channels, CancellationToken cancellationToken) =>
        Results.Ok((await query.ChannelsAsync(cancellationToken)).Select(summary => NotificationChannelMapping.ToResponse(summary, channels)).ToList());

    private static async Task<IResult> GetAsync(int id, NotificationsQuery query, NotificationChannelService channels, CancellationToken cancellationToken) =>
        await FindAsync(id, query, cancellationToken) is { } summary
            ? Results.Ok(NotificationChannelMapping.ToResponse(summary, channels))
            : NotFound(id);

    private static async Task<IResult> CreateAsync(HttpContext context, NotificationsQuery query, NotificationChannelService channels)
    {
        var (body, error) = await JsonBody.ReadAsync<NotificationChannelBody>(context);
        if (error is not null)
        {
            return error;
        }

        var saved = await channels.SaveAsync(NotificationChannelMapping.ToRequest(body!, null, null), Actor(context), context.RequestAborted);
        if (!saved.Succeeded)
        {
            return Invalid(saved);
        }

        var summary = (await FindAsync(saved.Id!.Value, query, context.RequestAborted))!;
        return Results.Created($"/api/v1/notification-channels/{saved.Id}", NotificationChannelMapping.ToResponse(summary, channels));
    }

    private static async Task<IResult> UpdateAsync(int id, HttpContext context, NotificationsQuery query, NotificationChannelService channels)
    {
        var (body, error) = await JsonBody.ReadAsync<NotificationChannelBody>(context);
        if (error is not null)
        {
            return error;
        }

        if (await FindAsync(id, query, context.RequestAborted) is not { } current)
        {
            return NotFound(id);
        }

        var request = NotificationChannelMapping.ToRequest(body!, current.Channel, channels.ReadPublic(current.Channel));
        var saved = await channels.SaveAsync(request, Actor(context), context.RequestAborted);
        return saved.Succeeded
            ? Results.Ok(NotificationChannelMapping.ToResponse((await FindAsync(id, query, context.RequestAborted))!, channels))
            : Invalid(saved);
    }

    private static async Task<IResult> DeleteAsync(int id, HttpContext context, NotificationChannelService channels) =>
        await channels.DeleteAsync(id, Actor(context), context.RequestAborted) ? Results.NoContent() : NotFound(id);

    private static async Task<IResult> TestAsync(int id, HttpContext context, ChannelTest test) =>
        await test.TestAsync(id, Actor(context), context.RequestAborted) is { } result
            ? Results.Ok(new ChannelTestResponse(id, result.Succeeded, result.Error))
            : NotFound(id);

    private static async Task<ChannelSummary?> FindAsync(int id, NotificationsQuery query, CancellationToken cancellationToken) =>
        (await query.ChannelsAsync(cancellationToken)).SingleOrDefault(summary => summary.Channel.Id == id);

    private static IResult Invalid(ChannelSaveResult saved) =>
        Results.ValidationProblem(saved.Errors.ToDictionary(e => e.Key, e => new[] { e.Value }, StringComparer.Ordinal));

    private static IResult NotFound(int id) => Results.Problem(
        statusCode: StatusCodes.Status404NotFound, title: "Notification channel not found", detail: $"No notification channel has the id {id}.");

    private static string Actor(HttpContext context) => context.User.ToActor().Name;
}
