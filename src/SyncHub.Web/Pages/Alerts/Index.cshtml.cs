using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SyncHub.Core.Alerts;
using SyncHub.Data.Entities;
using SyncHub.Web.Security;

namespace SyncHub.Web.Pages.Alerts;

/// <summary>Open alerts, then resolved ones by page; administrators change each rule's switch, threshold and window.</summary>
public sealed class IndexModel(AlertsQuery alerts, AlertRules rules, AlertAcknowledgement acknowledgement, IAuthorizationService authorization, TimeProvider time) : PageModel
{
    [BindProperty(Name = "Rule")]
    public AlertRuleForm RuleForm { get; set; } = new();

    public IReadOnlyList<Alert> Open { get; private set; } = [];

    public IReadOnlyList<Alert> Resolved { get; private set; } = [];

    public int ResolvedTotal { get; private set; }

    public int PageNumber { get; private set; } = 1;

    public IReadOnlyList<AlertRuleState> Rules { get; private set; } = [];

    public bool CanEdit { get; private set; }

    /// <summary>Operators and administrators acknowledge open alerts; viewers only look.</summary>
    public bool CanAcknowledge { get; private set; }

    public string? Saved { get; private set; }

    public DateTimeOffset Now { get; private set; }

    public bool HasNextPage => PageNumber * AlertsQuery.PageSize < ResolvedTotal;

    public async Task OnGetAsync([FromQuery(Name = "page")] int? page, CancellationToken cancellationToken) => await LoadAsync(page ?? 1, cancellationToken);

    public async Task<IActionResult> OnPostRuleAsync(CancellationToken cancellationToken)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.Administer)).Succeeded)
        {
            return Forbid();
        }

        if (ModelState.IsValid)
        {
            var errors = await rules.SaveAsync(RuleForm.ToRequest(), User.ToActor().Name, cancellationToken);
            foreach (var (field, messages) in errors?.ToDictionary() ?? [])
            {
                foreach (var message in messages)
                {
                    ModelState.AddModelError($"Rule.{AlertRuleForm.FieldFor(field)}", message);
                }
            }

            Saved = errors is null ? $"Rule {RuleForm.Rule} saved." : null;
        }
        else
        {
            ModelState.AddModelError("Rule.Threshold", "Enter valid numbers.");
        }

        await LoadAsync(1, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAcknowledgeAsync(long id, string? note, CancellationToken cancellationToken)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.Operate)).Succeeded)
        {
            return Forbid();
        }

        var result = await acknowledgement.AcknowledgeAsync(id, User.ToActor().Name, note, cancellationToken);
        if (result.Outcome == AcknowledgeOutcome.NotFound)
        {
            return NotFound();
        }

        Saved = result.Outcome switch
        {
            AcknowledgeOutcome.Acknowledged => $"Alert acknowledged: {result.Alert!.Title}.",
            AcknowledgeOutcome.AlreadyAcknowledged => $"{result.Alert!.AcknowledgedBy} had already acknowledged this alert.",
            AcknowledgeOutcome.Resolved => "This alert has resolved itself; there is nothing to acknowledge.",
            _ => $"The note may be at most {AlertAcknowledgement.MaxNoteLength} characters.",
        };
        await LoadAsync(1, cancellationToken);
        return Page();
    }

    private async Task LoadAsync(int page, CancellationToken cancellationToken)
    {
        Now = time.GetUtcNow();
        PageNumber = Math.Max(page, 1);
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.Administer)).Succeeded;
        CanAcknowledge = (await authorization.AuthorizeAsync(User, Policies.Operate)).Succeeded;
        Open = await alerts.OpenAsync(cancellationToken);
        (var resolved, ResolvedTotal) = await alerts.ResolvedAsync(PageNumber, cancellationToken);
        Resolved = resolved;
        Rules = await rules.ListAsync(cancellationToken);
    }
}
