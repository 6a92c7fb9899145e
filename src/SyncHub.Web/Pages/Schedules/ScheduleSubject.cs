using SyncHub.Core.Budgets;
using SyncHub.Data.Entities;

namespace SyncHub.Web.Pages.Schedules;

/// <summary>The integration whose schedule the page shows, with its error budget's burn.</summary>
public sealed record ScheduleSubject(Integration Integration, ErrorBudgetBurn Burn);
