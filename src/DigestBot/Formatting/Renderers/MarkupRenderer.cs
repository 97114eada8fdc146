using Markdig.Renderers;
using Markdig.Syntax;

namespace DigestBot.Formatting.Renderers;

/// <summary>
/// What the Telegram HTML and Slack mrkdwn renderers share, so that the node renderers in this folder
/// serve both: text and markup collected in a <see cref="MarkupBuffer"/>, markup left out where the
/// platform reads none, and blocks kept apart by a blank line (a line break inside lists). A platform
/// supplies its markup and its link rules through the abstract members.
/// </summary>
internal abstract class MarkupRenderer : TextRendererBase<MarkupRenderer>
{
    private readonly Stack<bool> _emitted = new();
    private readonly int _basePlainDepth;

    /// <remarks>
    /// The node renderers both platforms share are listed here; each platform's constructor adds the ones whose
    /// output differs (quotes, code, tables). A kitchen-sink test checks that every node type met has one.
    /// The output is <see cref="Markup"/>'s tokens, escaped when they are serialized: nothing goes to Markdig's writer.
    /// </remarks>
    /// <param name="plainDepth">1 for a renderer that writes no markup at all (console output).</param>
    protected MarkupRenderer(int plainDepth) : base(TextWriter.Null)
    {
        _basePlainDepth = plainDepth;
        PlainDepth = plainDepth;
        ObjectRenderers.Add(new ParagraphRenderer());
        ObjectRenderers.Add(new HeadingRenderer());
        ObjectRenderers.Add(new ListRenderer());
        ObjectRenderers.Add(new ListItemRenderer());
        ObjectRenderers.Add(new HtmlBlockRenderer());
        ObjectRenderers.Add(new ThematicBreakRenderer());
        ObjectRenderers.Add(new LinkReferenceDefinitionGroupRenderer());
        ObjectRenderers.Add(new LinkReferenceDefinitionRenderer());
        ObjectRenderers.Add(new TableRowRenderer());
        ObjectRenderers.Add(new TableCellRenderer());
        ObjectRenderers.Add(new LiteralInlineRenderer());
        ObjectRenderers.Add(new EmphasisInlineRenderer());
        ObjectRenderers.Add(new LinkInlineRenderer());
        ObjectRenderers.Add(new AutolinkInlineRenderer());
        ObjectRenderers.Add(new HtmlInlineRenderer());
        ObjectRenderers.Add(new HtmlEntityInlineRenderer());
        ObjectRenderers.Add(new LineBreakInlineRenderer());
        ObjectRenderers.Add(new DelimiterInlineRenderer());
    }

    public MarkupBuffer Markup { get; } = new();

    /// <summary>Above zero where the platform reads no markup; <see cref="Open(string, string)"/> writes nothing there.</summary>
    public int PlainDepth { get; set; }

    public int QuoteDepth { get; set; }

    public int ListDepth { get; set; }

    /// <summary>Above zero inside a link label: no platform accepts a link inside a link (an image inside a link, say).</summary>
    public int LinkDepth { get; set; }

    /// <summary>Set by a list item so its first block follows the bullet on the same line.</summary>
    public bool SkipNextSeparator { get; set; }

    /// <summary>Strong emphasis; also headings, which neither platform has.</summary>
    public abstract (string Open, string Close) Bold { get; }

    public abstract (string Open, string Close) Italic { get; }

    public abstract (string Open, string Close) Strikethrough { get; }

    /// <summary>Whether a link's label is written with <see cref="PlainDepth"/> raised.</summary>
    public abstract bool LinkLabelsArePlain { get; }

    /// <summary>The markup around the label of a link to <paramref name="url"/>.</summary>
    public abstract (string Open, string Close) Link(string url);

    /// <summary>
    /// Renders commentary, replacing what an earlier call left, so that one renderer serves many documents
    /// (building one, with its node renderers, cost as much as a rendering). The tokens are valid until the next call.
    /// </summary>
    public IReadOnlyList<MarkupToken> RenderMarkdown(string markdown) => RenderMarkdown(CommentaryMarkdown.Parse(markdown));

    /// <summary>As <see cref="RenderMarkdown(string)"/>, for commentary already parsed by <see cref="CommentaryMarkdown.Parse"/>.</summary>
    public IReadOnlyList<MarkupToken> RenderMarkdown(MarkdownDocument commentary)
    {
        Markup.Clear();
        _emitted.Clear();
        PlainDepth = _basePlainDepth;
        QuoteDepth = 0;
        ListDepth = 0;
        LinkDepth = 0;
        SkipNextSeparator = false;
        Render(commentary);
        return Markup.Tokens;
    }

    /// <summary>
    /// Renders with <paramref name="kept"/>, or a new renderer when there is none, and keeps the renderer there for the
    /// next document only once it has finished this one. Markdig counts the nesting it renders and does not undo the
    /// count when a document throws ("too deeply nested"): the renderer would refuse every later document, however plain.
    /// </summary>
    public static IReadOnlyList<MarkupToken> RenderReused<TRenderer>(ref TRenderer? kept, Func<TRenderer> create, MarkdownDocument commentary)
        where TRenderer : MarkupRenderer
    {
        var renderer = kept ?? create();
        kept = null;
        var tokens = renderer.RenderMarkdown(commentary);
        kept = renderer;
        return tokens;
    }

    public virtual void Text(string text) => Markup.Text(text);

    public void Open((string Open, string Close) markup) => Open(markup.Open, markup.Close);

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
