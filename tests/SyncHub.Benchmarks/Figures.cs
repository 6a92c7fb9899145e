using System.Globalization;

namespace SyncHub.Benchmarks;

/// <summary>How figures read in the table.</summary>
internal static class Figures
{
    public static string Rate(double perSecond) => perSecond.ToString("N0", CultureInfo.InvariantCulture) + " rec/s";

    public static string Millis(double milliseconds) => milliseconds.ToString(milliseconds < 10 ? "0.0" : "N0", CultureInfo.InvariantCulture) + " ms";

    public static string Megabytes(long bytes) => (bytes / 1024.0 / 1024.0).ToString("N0", CultureInfo.InvariantCulture) + " MB";

    public static string Micros(double microseconds) => microseconds.ToString("N0", CultureInfo.InvariantCulture) + " µs";

    public static string Kilobytes(double kilobytes) => kilobytes.ToString("N1", CultureInfo.InvariantCulture) + " KB";

    public static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) + " s";
}
