using System.Globalization;

namespace DigestBot.Benchmarks;

/// <summary>Nearest-rank percentiles of a set of timings in milliseconds.</summary>
internal static class Percentiles
{
    public static double Of(IReadOnlyList<double> values, double percentile)
    {
        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    public static string Ms(double value) => value.ToString(value < 10 ? "F3" : "F1", CultureInfo.InvariantCulture) + " ms";
}
