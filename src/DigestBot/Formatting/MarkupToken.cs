namespace DigestBot.Formatting;

/// <summary>
/// A rendered message is kept as tokens rather than a finished string so that packing can cut it
/// anywhere in the visible text and still close and reopen every element around the cut.
/// </summary>
internal readonly record struct MarkupToken(MarkupKind Kind, string Value, string Close = "")
{
    public static MarkupToken Text(string text) => new(MarkupKind.Text, text);

    public static MarkupToken Open(string open, string close) => new(MarkupKind.Open, open, close);

    public static MarkupToken End { get; } = new(MarkupKind.Close, "");

    public static MarkupToken Raw(string markup) => new(MarkupKind.Raw, markup);
}
