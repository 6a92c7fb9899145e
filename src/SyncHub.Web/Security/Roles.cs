namespace SyncHub.Web.Security;

/// <summary>Who may do what: administrators everything, operators fix records, viewers only look.</summary>
public static class Roles
{
    public const string Administrator = "Administrator";
    public const string Operator = "Operator";
    public const string Viewer = "Viewer";

    public static readonly IReadOnlyList<string> All = [Administrator, Operator, Viewer];
}
