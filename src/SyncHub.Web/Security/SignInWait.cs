namespace SyncHub.Web.Security;

/// <summary>Why a sign-in is refused before the password is checked, and until when.</summary>
/// <param name="AccountWide">True for the account's back-off after failures from many addresses; false for this address's lock.</param>
public readonly record struct SignInWait(DateTimeOffset Until, bool AccountWide);
