namespace SyncHub.Web.Pages.Users;

public sealed record UserRow(string Id, string Email, string Role, bool LockedOut, bool MustChangePassword);
