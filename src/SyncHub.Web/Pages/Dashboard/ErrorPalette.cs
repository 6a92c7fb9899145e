using System.Text;
using SyncHub.Connectors;

namespace SyncHub.Web.Pages.Dashboard;

/// <summary>
/// One colour per error class, shaded within the family <see cref="Display.ErrorCss"/> gives it (amber transient,
/// purple access, red data), so a class looks the same in the chart, its legend and the badges.
/// </summary>
public static class ErrorPalette
{
    /// <summary>"trend-rate-limited": the CSS class that sets the colour (site.css, dashboard section).</summary>
    public static string Css(ErrorClass errorClass)
    {
        var name = errorClass.ToString();
        var kebab = new StringBuilder("trend-");
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                kebab.Append('-');
            }

            kebab.Append(char.ToLowerInvariant(name[i]));
        }

        return kebab.ToString();
    }
}
