using Markdig.Renderers;

namespace DigestBot.Formatting.Telegram.Renderers;

/// <summary>
/// Renders commentary Markdown to the HTML subset Telegram accepts. Everything that subset lacks
/// (headings, lists, tables, raw HTML) degrades to text the platform accepts, never to nothing.
/// </summary>
internal sealed class TelegramHtmlRenderer : TextRendererBase<TelegramHtmlRenderer>
{
    private readonly Stack<bool> _emitted = new();

    /// <param name="plain">Write text only, with link addresses in parentheses (console output).</param>
    public TelegramHtmlRenderer(TextWriter writer, bool plain = false) : base(writer)
    {
        Markup = new MarkupBuffer(plain ? static text => text : TelegramHtml.Escape, writer);
        PlainDepth = plain ? 1 : 0;
        ObjectRenderers.Add(new ParagraphRenderer());
        ObjectRenderers.Add(new HeadingRenderer());
        ObjectRenderers.Add(new QuoteBlockRenderer());
        ObjectRenderers.Add(new ListRenderer());
        ObjectRenderers.Add(new ListItemRenderer());
        ObjectRenderers.Add(new CodeBlockRenderer());
        ObjectRenderers.Add(new HtmlBlockRenderer());
        ObjectRenderers.Add(new ThematicBreakRenderer());
        ObjectRenderers.Add(new LinkReferenceDefinitionGroupRenderer());
        ObjectRenderers.Add(new LinkReferenceDefinitionRenderer());
        ObjectRenderers.Add(new TableRenderer());
        ObjectRenderers.Add(new TableRowRenderer());
        ObjectRenderers.Add(new TableCellRenderer());
        ObjectRenderers.Add(new LiteralInlineRenderer());
        ObjectRenderers.Add(new EmphasisInlineRenderer());
        ObjectRenderers.Add(new CodeInlineRenderer());
        ObjectRenderers.Add(new LinkInlineRenderer());
        ObjectRenderers.Add(new AutolinkInlineRenderer());
        ObjectRenderers.Add(new HtmlInlineRenderer());
        ObjectRenderers.Add(new HtmlEntityInlineRenderer());
        ObjectRenderers.Add(new LineBreakInlineRenderer());
        ObjectRenderers.Add(new DelimiterInlineRenderer());
    }

    public MarkupBuffer Markup { get; }

    /// <summary>Above zero inside <c>pre</c> (tables) or in plain mode: Telegram allows no tags there.</summary>
    public int PlainDepth { get; set; }

    /// <summary>Telegram rejects nested block quotes, so only the outermost one is a tag.</summary>
    public int QuoteDepth { get; set; }

    public int ListDepth { get; set; }

    /// <summary>Telegram rejects a link inside a link (an image inside a link, say).</summary>
    public int LinkDepth { get; set; }

    /// <summary>Set by a list item so its first block follows the bullet on the same line.</summary>
    public bool SkipNextSeparator { get; set; }

    public void Text(string text) => Markup.Text(text);

    public void Open(string open, string close)
    {
        var emit = PlainDepth == 0;
        _emitted.Push(emit);
        if (emit)
        {
            Markup.Open(open, close);
        }
    }

    public void Close()
    {
        if (_emitted.Pop())
        {
            Markup.Close();
        }
    }

    public void BeginBlock()
    {
        if (SkipNextSeparator)
        {
            SkipNextSeparator = false;
        }
        else if (ListDepth > 0)
        {
            Markup.EnsureLine();
        }
        else
        {
            Markup.EnsureBlankLine();
        }
    }
}
