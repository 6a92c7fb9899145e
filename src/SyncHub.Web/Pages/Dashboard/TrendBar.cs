namespace SyncHub.Web.Pages.Dashboard;

/// <summary>One rectangle of the stacked chart, in the SVG's user units.</summary>
public sealed record TrendBar(double X, double Y, double Width, double Height, string Css, string Title);
