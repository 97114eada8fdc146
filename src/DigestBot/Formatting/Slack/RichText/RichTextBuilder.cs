using System.Globalization;
using System.Text;
using DigestBot.Formatting.Slack.Blocks;

namespace DigestBot.Formatting.Slack.RichText;

/// <summary>
/// Turns the tokens of <see cref="Renderers.SlackRichTextRenderer"/> (or a slice of them, cut by the packer) into rich
/// text objects. Rich text nests less than Markdown: a quote holds only text, so a list or code inside a quote becomes
/// an object of its own (a list keeps a quote's border), and a nested list is a list of its own, one indent deeper.
/// </summary>
internal sealed class RichTextBuilder
{
    private readonly List<RichTextObject> _objects = [];
    private readonly List<RichTextElement> _elements = [];
    private readonly StringBuilder _run = new();
    private RichTextStyle? _runStyle;
    private string? _runUrl;
    private Container _container = Container.None;
    private int _lastListId = -1;

    /// <summary>The objects of one rich text block.</summary>
    public static List<RichTextObject> Build(IReadOnlyList<MarkupToken> tokens)
    {
        var builder = new RichTextBuilder();
        var open = new List<(MarkupToken Token, int Id)>();
        var nextId = 0;
        foreach (var token in tokens)
        {
            switch (token.Kind)
            {
                case MarkupKind.Open:
                    open.Add((token, nextId++));
                    break;
                case MarkupKind.Close:
                    open.RemoveAt(open.Count - 1);
                    break;
                case MarkupKind.Text:
                    builder.Add(token.Value, open);
                    break;
            }
        }

        builder.Flush();
        return builder._objects;
    }

    private void Add(string text, List<(MarkupToken Token, int Id)> open)
    {
        var container = Container.Of(open);
        if (container != _container)
        {
            Flush();
            _container = container;
        }

        var (style, url) = StyleOf(open);
        if (_run.Length > 0 && (style != _runStyle || url != _runUrl))
        {
            EndRun();
        }

        _runStyle = style;
        _runUrl = url;
        _run.Append(text);
    }

    private static (RichTextStyle? Style, string? Url) StyleOf(List<(MarkupToken Token, int Id)> open)
    {
        bool? bold = null, italic = null, strike = null, code = null;
        string? url = null;
        foreach (var (token, _) in open)
        {
            switch (token.Value)
            {
                case RichTextMarkup.Bold: bold = true; break;
                case RichTextMarkup.Italic: italic = true; break;
                case RichTextMarkup.Strike: strike = true; break;
                case RichTextMarkup.Code: code = true; break;
                case RichTextMarkup.Link: url = token.Close; break;
            }
        }

        var style = bold is null && italic is null && strike is null && code is null ? null : new RichTextStyle(bold, italic, strike, code);
        return (style, url);
    }

    private void EndRun()
    {
        if (_run.Length > 0)
        {
            var text = SlackMrkdwn.BreakBroadcasts(_run.ToString());
            _elements.Add(_runUrl is null ? new RichTextText(text, _runStyle) : new RichTextLink(_runUrl, text, _runStyle));
            _run.Clear();
        }
    }

    private void Flush()
    {
        EndRun();
        if (_container.Kind != RichTextMarkup.Preformatted)
        {
            Trim(_elements);
        }

        if (_elements.Count == 0 || _elements.All(static e => e.Text.Length == 0))
        {
            _elements.Clear();
            return;
        }

        var elements = _elements.ToList();
        _elements.Clear();
        switch (_container.Kind)
        {
            case RichTextMarkup.Quote:
                _objects.Add(new RichTextQuote(elements));
                break;
            case RichTextMarkup.Preformatted:
                _objects.Add(new RichTextPreformatted(elements));
                break;
            case RichTextMarkup.Item:
                AddItem(new RichTextSection(elements));
                break;
            default:
                _objects.Add(new RichTextSection(elements));
                break;
        }
    }

    private void AddItem(RichTextSection item)
    {
        var container = _container;
        if (_objects.Count > 0 && _objects[^1] is RichTextList last && _lastListId == container.ListId)
        {
            _objects[^1] = last with { Elements = [.. last.Elements, item] };
            return;
        }

        var ordered = container.ListStyle == RichTextList.Ordered;
        var offset = ordered && container.Number > 1 ? container.Number - 1 : (int?)null;
        _objects.Add(new RichTextList(container.ListStyle, [item], container.Indent, offset, container.InQuote ? 1 : null));
        _lastListId = container.ListId;
    }

    /// <summary>Blank lines that kept blocks apart as text are the objects' own breaks in rich text.</summary>
    private static void Trim(List<RichTextElement> elements)
    {
        while (elements.Count > 0 && elements[0].Text.TrimStart('\n', '\r', ' ') is var start && start.Length != elements[0].Text.Length)
        {
            if (start.Length > 0)
            {
                elements[0] = elements[0] with { Text = start };
                break;
            }

            elements.RemoveAt(0);
        }

        while (elements.Count > 0 && elements[^1].Text.TrimEnd('\n', '\r', ' ') is var end && end.Length != elements[^1].Text.Length)
        {
            if (end.Length > 0)
            {
                elements[^1] = elements[^1] with { Text = end };
                break;
            }

            elements.RemoveAt(elements.Count - 1);
        }
    }

    /// <summary>Where text goes: the top level, the outermost quote, a code block, or a list item.</summary>
    private readonly record struct Container(string Kind, int Id, int ListId = -1, string ListStyle = "", int Indent = 0, int Number = 0, bool InQuote = false)
    {
        public static Container None { get; } = new("", -1);

        public static Container Of(List<(MarkupToken Token, int Id)> open)
        {
            var container = None;
            var listDepth = 0;
            (MarkupToken Token, int Id)? list = null;
            var quoted = false;
            foreach (var (token, id) in open)
            {
                switch (token.Value)
                {
                    case RichTextMarkup.Preformatted:
                        return new Container(RichTextMarkup.Preformatted, id);
                    case RichTextMarkup.Quote:
                        // Quotes have one level: the outermost one since the last list item holds the text.
                        if (container.Kind != RichTextMarkup.Quote)
                        {
                            container = new Container(RichTextMarkup.Quote, id);
                        }

                        quoted = true;
                        break;
                    case RichTextMarkup.List:
                        listDepth++;
                        list = (token, id);
                        break;
                    case RichTextMarkup.Item when list is { } owner:
                        container = new Container(
                            RichTextMarkup.Item,
                            id,
                            owner.Id,
                            owner.Token.Close,
                            Math.Min(listDepth - 1, RichTextList.MaxIndent),
                            int.Parse(token.Close, CultureInfo.InvariantCulture),
                            quoted);
                        break;
                }
            }

            return container;
        }
    }
}
