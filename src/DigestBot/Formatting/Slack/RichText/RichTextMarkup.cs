namespace DigestBot.Formatting.Slack.RichText;

/// <summary>
/// The names <see cref="Renderers.SlackRichTextRenderer"/> gives its <see cref="MarkupKind.Open"/> tokens. Nothing is
/// written out as markup: an open token's value names the element, and its close carries the element's argument
/// (a link's address, a list's style, an item's number), for <see cref="RichTextBuilder"/> to read after packing.
/// </summary>
internal static class RichTextMarkup
{
    public const string Bold = "bold";
    public const string Italic = "italic";
    public const string Strike = "strike";
    public const string Code = "code";
    public const string Link = "link";
    public const string Quote = "quote";
    public const string Preformatted = "pre";
    public const string List = "list";
    public const string Item = "item";
}
