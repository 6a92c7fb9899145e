using Htmx;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SyncHub.Core.Notifications;
using SyncHub.Data.Entities;
using SyncHub.Web.Security;

namespace SyncHub.Web.Pages.Notifications;

/// <summary>Notification channels (add, edit, delete, send a test), recent deliveries with their errors, and the in-app inbox.</summary>
public sealed class IndexModel(NotificationsQuery query, NotificationChannelService channels, TimeProvider time) : PageModel
{
    [BindProperty(Name = "Channel")]
    public ChannelForm Form { get; set; } = new();

    public IReadOnlyList<ChannelSummary> Channels { get; private set; } = [];

    public IReadOnlyList<Notification> Deliveries { get; private set; } = [];

    public IReadOnlyList<Notification> Inbox { get; private set; } = [];

    /// <summary>Which secrets the edited channel has stored, and its address as shown (masked).</summary>
    public (bool Url, bool Password) StoredSecrets { get; private set; }

    public IReadOnlyDictionary<int, string> MaskedUrls { get; private set; } = new Dictionary<int, string>();

    public string? Message { get; private set; }

    public TestResultView? TestResult { get; private set; }

    public DateTimeOffset Now { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? edit, CancellationToken cancellationToken)
    {
        if (edit is { } id)
        {
            if (await query.ChannelAsync(id, cancellationToken) is not { } channel)
            {
                return NotFound();
            }

            Form = ChannelForm.Of(channel, channels.ReadPublic(channel));
            StoredSecrets = channels.StoredSecrets(channel);
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var result = await channels.SaveAsync(Form.ToRequest(), Actor, cancellationToken);
            foreach (var (field, message) in result.Errors)
            {
                ModelState.AddModelError(ChannelForm.FieldFor(field), message);
            }

            if (result.Succeeded)
            {
                Message = $"Channel '{Form.Name.Trim()}' saved.";
                ModelState.Clear();
                Form = new ChannelForm();
            }
        }

        if (Form.Id is { } id && await query.ChannelAsync(id, cancellationToken) is { } stored)
        {
            StoredSecrets = channels.StoredSecrets(stored);
        }

        // The secrets typed in are never sent back to the browser.
        Form.Password = null;
        Form.Url = null;
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken cancellationToken)
    {
        Message = await channels.DeleteAsync(id, Actor, cancellationToken) ? "Channel deleted." : "That channel was already deleted.";
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostTestAsync(int id, [FromServices] ChannelTest test, CancellationToken cancellationToken)
    {
        var result = await test.TestAsync(id, Actor, cancellationToken);
        TestResult = result is { } sent
            ? new TestResultView(id, sent.Succeeded, sent.Succeeded ? "Test message sent." : sent.Error ?? "The channel did not take the message.")
            : new TestResultView(id, false, "That channel no longer exists.");
        if (Request.IsHtmx())
        {
            return Partial("Partials/_TestResult", TestResult);
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostMarkReadAsync(CancellationToken cancellationToken)
    {
        var marked = await query.MarkAllReadAsync(cancellationToken);
        Message = marked == 0 ? "Nothing was unread." : $"Marked {marked} as read.";
        await LoadAsync(cancellationToken);
        return Page();
    }

    public static string KindLabel(NotificationChannelKind kind) => kind switch
    {
        NotificationChannelKind.InApp => "In-app",
        NotificationChannelKind.Webhook => "Webhook (JSON)",
        NotificationChannelKind.Slack => "Slack-compatible webhook",
        _ => "E-mail (SMTP)",
    };

    private string Actor => User.ToActor().Name;

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Now = time.GetUtcNow();
        Channels = await query.ChannelsAsync(cancellationToken);
        Deliveries = await query.RecentDeliveriesAsync(cancellationToken);
        Inbox = await query.InboxAsync(cancellationToken);
        MaskedUrls = Channels.Where(c => c.Channel.Kind is NotificationChannelKind.Webhook or NotificationChannelKind.Slack)
            .ToDictionary(c => c.Channel.Id, c => channels.MaskedUrl(c.Channel));
    }
}
