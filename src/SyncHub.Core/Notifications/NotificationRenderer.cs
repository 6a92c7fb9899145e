using Microsoft.Extensions.Logging;
using Scriban;
using Scriban.Syntax;
using SyncHub.Core.Mapping;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Notifications;

/// <summary>
/// Renders a channel's subject and body in the mapping sandbox. A channel template that fails at run time falls back
/// to the default, so a message always goes out. Subjects are one line; texts are cut to the stored lengths.
/// </summary>
public sealed partial class NotificationRenderer(ILogger<NotificationRenderer> logger)
{
    public const int MaxSubjectLength = 300;
    public const int MaxBodyLength = 4000;
    private const int MaxOutput = 20_000;
    private const int MaxValueLength = 1000;

    public RenderedNotification Render(NotificationChannel channel, NotificationModel model)
    {
        string? error = null;
        var subject = TryRender(channel.SubjectTemplate, model, ref error) ?? RenderOrFallback(NotificationTemplates.SubjectFor(model.Kind), model);
        var body = TryRender(channel.BodyTemplate, model, ref error) ?? RenderOrFallback(NotificationTemplates.BodyFor(model.Kind), model);
        if (error is not null)
        {
            LogTemplateFailed(channel.Name, error);
        }

        return new RenderedNotification(OneLine(subject, MaxSubjectLength), Cut(body.Trim(), MaxBodyLength), error);
    }

    /// <summary>Parse errors (with line and column), or the error of a trial render with sample values; null when the template works.</summary>
    public static string? Check(string? template, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(template))
        {
            return null;
        }

        if (ScriptSandbox.Validate(template) is { Count: > 0 } errors)
        {
            return string.Join("; ", errors);
        }

        string? error = null;
        TryRender(template, NotificationModel.Sample(now), ref error);
        return error;
    }

    private static string? TryRender(string? template, NotificationModel model, ref string? error)
    {
        if (string.IsNullOrWhiteSpace(template))
        {
            return null;
        }

        try
        {
            var parsed = Template.Parse(template);
            if (parsed.HasErrors)
            {
                error = string.Join("; ", parsed.Messages.Select(ScriptSandbox.Describe));
                return null;
            }

            return parsed.Render(ScriptSandbox.Create(Bounded(model).ToScript(), MaxOutput));
        }
        catch (Exception e) when (e is ScriptRuntimeException or ArithmeticException or InvalidOperationException or ArgumentException or FormatException or InvalidCastException)
        {
            error = e.Message;
            return null;
        }
    }

    private static string RenderOrFallback(string template, NotificationModel model)
    {
        string? ignored = null;
        return TryRender(template, model, ref ignored) ?? $"{model.Title}: {model.Detail}";
    }

    // Values come from outside (provider errors, names): bounded before a template sees them.
    private static NotificationModel Bounded(NotificationModel model) => model with
    {
        Title = Cut(model.Title, MaxValueLength),
        Detail = Cut(model.Detail, MaxValueLength),
        Integration = model.Integration is null ? null : Cut(model.Integration, 200),
        Subject = model.Subject is null ? null : Cut(model.Subject, 200),
    };

    private static string OneLine(string text, int length) => Cut(string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)), length);

    public static string Cut(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification template of channel {Channel} failed ({Error}); the default text was used")]
    private partial void LogTemplateFailed(string channel, string error);
}
