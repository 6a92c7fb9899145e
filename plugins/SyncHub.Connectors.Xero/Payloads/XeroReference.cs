using System.Security.Cryptography;
using System.Text;

namespace SyncHub.Connectors.Xero.Payloads;

/// <summary>
/// SyncHub's reference for a record at Xero: its source id when that is short and plain, otherwise a hash of it.
/// Derived from the source id alone, so a delivery and a later look-up always agree, and never containing a
/// quote or backslash, so it is safe inside a <c>where</c> filter.
/// </summary>
internal static class XeroReference
{
    private const string PlainSymbols = " -_./:#+";

    public static string For(string sourceId, int maxLength)
    {
        if (sourceId.Length > 0 && sourceId.Length <= maxLength && sourceId.Trim().Length == sourceId.Length
            && sourceId.All(c => char.IsAsciiLetterOrDigit(c) || PlainSymbols.Contains(c, StringComparison.Ordinal)))
        {
            return sourceId;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sourceId)));
        return "SH-" + hash[..32];
    }
}
