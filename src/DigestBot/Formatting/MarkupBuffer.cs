namespace DigestBot.Formatting;

/// <summary>Collects the tokens of a message while a renderer writes it.</summary>
internal sealed class MarkupBuffer
{
    private readonly List<MarkupToken> _tokens = [];

    // The last two visible characters decide whether a block still needs a separator.
    private char _last;
    private char _beforeLast;

    public IReadOnlyList<MarkupToken> Tokens => _tokens;

    public bool HasText { get; private set; }

    public bool AtLineStart => !HasText || _last == '\n';

    public void Text(string text)
    {
        if (text.Length == 0)
        {
            return;
        }

        _tokens.Add(MarkupToken.Text(text));
        HasText = true;
        _beforeLast = text.Length > 1 ? text[^2] : _last;
        _last = text[^1];
    }

    public void Open(string open, string close) => _tokens.Add(MarkupToken.Open(open, close));

    public void Close() => _tokens.Add(MarkupToken.End);

    public void Raw(string markup) => _tokens.Add(MarkupToken.Raw(markup));

    public void AddRange(IEnumerable<MarkupToken> tokens)
    {
        foreach (var token in tokens)
        {
            switch (token.Kind)
            {
                case MarkupKind.Text: Text(token.Value); break;
                case MarkupKind.Open: Open(token.Value, token.Close); break;
                case MarkupKind.Close: Close(); break;
                case MarkupKind.Raw: Raw(token.Value); break;
            }
        }
    }

    public void EnsureLine()
    {
        if (HasText && _last != '\n')
        {
            Text("\n");
        }
    }

    public void EnsureBlankLine()
    {
        if (!HasText)
        {
            return;
        }

        if (_last != '\n')
        {
            Text("\n\n");
        }
        else if (_beforeLast != '\n')
        {
            Text("\n");
        }
    }

    /// <summary>Empties the buffer for the next message, keeping the room its tokens took.</summary>
    public void Clear()
    {
        _tokens.Clear();
        HasText = false;
        _last = '\0';
        _beforeLast = '\0';
    }
}
