namespace SyncHub.Core.Fixes;

/// <summary>ISO 4217 minor units for the currencies that do not use two decimals.</summary>
internal static class CurrencyExponents
{
    public const int Default = 2;

    private static readonly Dictionary<string, int> Exceptions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["JPY"] = 0, ["KRW"] = 0, ["ISK"] = 0, ["CLP"] = 0, ["VND"] = 0, ["UGX"] = 0, ["XAF"] = 0, ["XOF"] = 0, ["PYG"] = 0,
        ["BHD"] = 3, ["KWD"] = 3, ["OMR"] = 3, ["JOD"] = 3, ["TND"] = 3, ["IQD"] = 3, ["LYD"] = 3,
    };

    /// <summary>The number of decimals the currency has; <see cref="Default"/> when it is missing or not listed.</summary>
    public static int For(string? currencyCode) =>
        currencyCode is not null && Exceptions.TryGetValue(currencyCode.Trim(), out var exponent) ? exponent : Default;
}
