namespace DigestBot.Formatting;

internal enum MarkupKind
{
    /// <summary>Visible text, unescaped; the platform's escaping routine runs when it is written out.</summary>
    Text,
    /// <summary>Markup that opens an element; <see cref="MarkupToken.Close"/> ends it.</summary>
    Open,
    Close,
    /// <summary>Unpaired markup, such as Slack's line-start quote marker.</summary>
    Raw,
}
