using DigestBot.Formatting.Renderers;

namespace DigestBot.Formatting.Plain;

/// <summary>
/// Commentary as text only, for a terminal: no markup at all, link addresses in parentheses after their labels,
/// quotes, code and tables kept as their text (an inner quote keeps its <c>&gt; </c>, as on Telegram).
/// </summary>
internal sealed class PlainTextRenderer : MarkupRenderer
{
    public PlainTextRenderer() : base(plainDepth: 1)
    {
        ObjectRenderers.Add(new PlainBlocksRenderer());
    }

    public override (string Open, string Close) Bold => ("", "");

    public override (string Open, string Close) Italic => ("", "");

    public override (string Open, string Close) Strikethrough => ("", "");

    public override bool LinkLabelsArePlain => false;

    public override (string Open, string Close) Link(string url) => ("", "");
}
