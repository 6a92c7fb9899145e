using SyncHub.Core.Dashboard;

namespace SyncHub.Web.Pages.Dashboard;

/// <summary>The error trend box: the window shown (the toggle needs it even when the query failed) and its chart.</summary>
public sealed record TrendSectionView(TrendRange Range, DashboardSection<TrendChart> Section);
