using System.Globalization;
using SyncHub.Core.Dashboard;

namespace SyncHub.Web.Pages.Dashboard;

/// <summary>
/// The error trend laid out as an SVG: failures stacked by error class on the left scale, delivered attempts as a
/// line on the right scale, labelled axes. Sizes are user units of a fixed viewBox that scales to the box's width.
/// </summary>
public sealed class TrendChart(ErrorTrend trend)
{
    public const double Width = 640, Height = 230, Left = 44, Right = 596, Top = 12, Bottom = 190;

    public ErrorTrend Trend { get; } = trend;

    public int MaxFailed { get; } = Math.Max(1, trend.Buckets.Max(b => b.Failed));

    public int MaxDelivered { get; } = Math.Max(1, trend.Buckets.Max(b => b.Delivered));

    private double Slot => (Right - Left) / Trend.Buckets.Count;

    public IEnumerable<TrendBar> Bars()
    {
        for (var i = 0; i < Trend.Buckets.Count; i++)
        {
            var bucket = Trend.Buckets[i];
            var y = Bottom;
            foreach (var errorClass in Trend.Classes)
            {
                var count = bucket.Failures.GetValueOrDefault(errorClass);
                if (count == 0)
                {
                    continue;
                }

                var height = (Bottom - Top) * count / MaxFailed;
                y -= height;
                yield return new TrendBar(Left + (Slot * i) + (Slot * 0.15), y, Slot * 0.7, height, ErrorPalette.Css(errorClass),
                    $"{BucketLabel(bucket.Start)}: {count} {Display.ErrorLabel(errorClass)}");
            }
        }
    }

    /// <summary>The delivered line's points, "x,y x,y …".</summary>
    public string DeliveredPoints() => string.Join(' ', Trend.Buckets.Select((b, i) =>
        $"{N(Left + (Slot * i) + (Slot / 2))},{N(Bottom - ((Bottom - Top) * b.Delivered / MaxDelivered))}"));

    /// <summary>Every few buckets a label under the axis: its x and text.</summary>
    public IEnumerable<(double X, string Text)> XLabels()
    {
        var every = Trend.Range == TrendRange.Day ? 6 : 5;
        for (var i = 0; i < Trend.Buckets.Count; i += every)
        {
            yield return (Left + (Slot * i) + (Slot / 2), AxisLabel(Trend.Buckets[i].Start));
        }
    }

    public string AxisLabel(DateTimeOffset start) =>
        start.UtcDateTime.ToString(Trend.Range == TrendRange.Day ? "HH:00" : "d MMM", CultureInfo.InvariantCulture);

    public string BucketLabel(DateTimeOffset start) =>
        start.UtcDateTime.ToString(Trend.Range == TrendRange.Day ? "d MMM HH:00" : "d MMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>A number for an SVG attribute: invariant, two decimals at most.</summary>
    public static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
