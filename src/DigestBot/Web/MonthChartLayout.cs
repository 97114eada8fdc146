using System.Globalization;

namespace DigestBot.Web;

/// <summary>Lays out the notes-per-month chart of a tag's page: one bar per month from the first to the last, gaps included.</summary>
internal static class MonthChartLayout
{
    public const int Width = 640;
    public const int Height = 120;

    /// <summary>A bar is never wider than this, so a tag a few months old does not fill the width with two slabs.</summary>
    public const int WidestSlot = 40;

    /// <summary>At most ten years of bars; older months drop off the left.</summary>
    public const int MostMonths = 120;

    public static MonthChart? Draw(IReadOnlyList<(string Month, int Notes)> months, ArchiveText text)
    {
        var counts = new Dictionary<DateOnly, int>();
        foreach (var (month, notes) in months)
        {
            if (DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first))
            {
                counts[first] = notes;
            }
        }

        if (counts.Count == 0)
        {
            return null;
        }

        var last = counts.Keys.Max();
        var start = counts.Keys.Min();
        if (start < last.AddMonths(1 - MostMonths))
        {
            start = last.AddMonths(1 - MostMonths);
        }

        var all = new List<(DateOnly Month, int Notes)>();
        for (var month = start; month <= last; month = month.AddMonths(1))
        {
            all.Add((month, counts.GetValueOrDefault(month)));
        }

        var peak = all.MaxBy(m => m.Notes);
        var bars = new List<MonthChartBar>(all.Count);
        var slots = Math.Max(all.Count, Width / WidestSlot);
        for (var i = 0; i < all.Count; i++)
        {
            var x = i * Width / slots;
            var next = (i + 1) * Width / slots;
            var gap = next - x > 3 ? Math.Max(1, (next - x) / 5) : 0;
            var height = all[i].Notes == 0 ? 0 : Math.Max(2, (int)((long)all[i].Notes * (Height - 2) / Math.Max(1, peak.Notes)));
            bars.Add(new MonthChartBar(x, Height - height, Math.Max(1, next - x - gap), height, text.MonthBar(Month(all[i].Month), all[i].Notes)));
        }

        return new MonthChart(text.NotesPerMonth, slots == all.Count ? Width : all.Count * WidestSlot, Height, bars)
        {
            FirstMonth = Month(all[0].Month),
            LastMonth = Month(last),
            Peak = text.MonthBar(Month(peak.Month), peak.Notes),
        };
    }

    private static string Month(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
