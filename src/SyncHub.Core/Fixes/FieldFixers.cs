namespace SyncHub.Core.Fixes;

/// <summary>All fixers, in the order they are tried when a field name suggests more than one kind.</summary>
internal static class FieldFixers
{
    public static IReadOnlyList<IFieldFixer> All { get; } = [new EmailFixer(), new PhoneFixer(), new DateFixer(), new AmountFixer()];

    /// <summary>The fixers an integration's <c>AutoFixes</c> value switches on.</summary>
    public static IReadOnlyList<IFieldFixer> Enabled(string? autoFixes)
    {
        var kinds = FixKinds.Parse(autoFixes);
        return [.. All.Where(f => kinds.Contains(f.Kind))];
    }
}
