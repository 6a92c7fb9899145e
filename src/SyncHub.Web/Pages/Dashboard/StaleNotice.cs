using System.Globalization;

namespace SyncHub.Web.Pages.Dashboard;

/// <summary>What a box whose live query failed says above the last good figures it still shows.</summary>
public sealed record StaleNotice(DateTimeOffset AsOf, DateTimeOffset Now)
{
    /// <summary>"As of 10:32 UTC (12 min ago), live figures unavailable"; the date is added when it is not today's.</summary>
    public string Text
    {
        get
        {
            var format = AsOf.UtcDateTime.Date == Now.UtcDateTime.Date ? "HH:mm" : "d MMM HH:mm";
            var clock = AsOf.UtcDateTime.ToString(format, CultureInfo.InvariantCulture);
            return $"As of {clock} UTC ({Display.Relative(AsOf, Now)}), live figures unavailable.";
        }
    }
}
