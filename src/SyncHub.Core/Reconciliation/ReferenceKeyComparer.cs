namespace SyncHub.Core.Reconciliation;

/// <summary>Matches (entity type, reference): the type in any case, the reference exactly.</summary>
internal sealed class ReferenceKeyComparer : IEqualityComparer<(string Type, string Reference)>
{
    public bool Equals((string Type, string Reference) x, (string Type, string Reference) y) =>
        string.Equals(x.Type, y.Type, StringComparison.OrdinalIgnoreCase) && string.Equals(x.Reference, y.Reference, StringComparison.Ordinal);

    public int GetHashCode((string Type, string Reference) obj) =>
        HashCode.Combine(StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Type), StringComparer.Ordinal.GetHashCode(obj.Reference));
}
