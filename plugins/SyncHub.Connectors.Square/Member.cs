namespace SyncHub.Connectors.Square;

/// <summary>
/// A store member as the integration's mapping renders it; absent fields are null and left as they are in Square.
/// <see cref="Points"/> is the balance the member's Square loyalty account is to hold.
/// </summary>
internal sealed record Member(
    string ReferenceId,
    string? GivenName,
    string? FamilyName,
    string? Email,
    string? Phone,
    string? Note,
    long? Points = null);
