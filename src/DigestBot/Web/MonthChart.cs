namespace DigestBot.Web;

/// <summary>A bar chart of notes per month, drawn as SVG on the server: the bars' geometry in the SVG's own units.</summary>
public sealed record MonthChart(string Title, int Width, int Height, IReadOnlyList<MonthChartBar> Bars)
{
    public required string FirstMonth { get; init; }

    public required string LastMonth { get; init; }

    public required string Peak { get; init; }
}
