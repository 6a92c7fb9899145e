using System.Text.RegularExpressions;

namespace SyncHub.TestUtils;

/// <summary>Reads the antiforgery token a page embeds, as a browser's form or htmx would send it.</summary>
public static partial class AntiforgeryToken
{
    public static string FromHtml(string html)
    {
        var match = HiddenField().Match(html);
        if (!match.Success)
        {
            match = MetaTag().Match(html);
        }

        return match.Success ? match.Groups[1].Value : throw new InvalidOperationException("The page carries no antiforgery token.");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex HiddenField();

    [GeneratedRegex("<meta name=\"request-verification-token\" content=\"([^\"]+)\"")]
    private static partial Regex MetaTag();
}
