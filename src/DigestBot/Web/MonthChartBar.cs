namespace DigestBot.Web;

/// <summary>One month's bar; <see cref="Label"/> is its tooltip (<c>2024-07: 3 notes</c>).</summary>
public sealed record MonthChartBar(int X, int Y, int Width, int Height, string Label);
