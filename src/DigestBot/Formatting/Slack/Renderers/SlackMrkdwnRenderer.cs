using Markdig.Renderers;

namespace DigestBot.Formatting.Slack.Renderers;

/// <summary>
/// Renders commentary Markdown to Slack mrkdwn. Slack has no headings, lists or tables; they
/// degrade to bold lines, bullet lines and pipe-separated lines.
/// </summary>
internal sealed class SlackMrkdwnRenderer : TextRendererBase<SlackMrkdwnRenderer>
{
    private readonly Stack<bool> _emitted = new();

    public SlackMrkdwnRenderer(TextWriter writer) : base(writer)
    {
        Markup = new MarkupBuffer(SlackMrkdwn.Escape, writer);
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

    /// <summary>Above zero where Slack reads no formatting: link labels and code.</summary>
    public int PlainDepth { get; set; }

    public int QuoteDepth { get; set; }

    public int ListDepth { get; set; }

    /// <summary>Set by a list item so its first block follows the bullet on the same line.</summary>
    public bool SkipNextSeparator { get; set; }

    /// <summary>Slack quotes line by line, so every line written inside a quote starts with <c>&gt;</c>.</summary>
    public void Text(string text)
    {
        if (QuoteDepth == 0)
        {
            Markup.Text(text);
            return;
        }

        foreach (var line in text.Split('\n').Select((value, index) => (value, index)))
        {
            if (line.index > 0)
            {
                Markup.Text("\n");
            }

            if (line.value.Length > 0)
            {
                if (Markup.AtLineStart)
                {
                    Markup.Raw("> ");
                }

                Markup.Text(line.value);
            }
        }
    }

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
