namespace DigestBot.Formatting.Slack.Blocks;

/// <summary>
/// Formatted text as structure rather than markup: Slack parses nothing in it, so no marker beside Korean text, no
/// <c>&lt;!channel&gt;</c> and no <c>&amp;</c> can change what a reader sees.
/// </summary>
/// <remarks>
/// Slack documents no size limits for rich text. We hold a block to a section's 3000 characters of text and to
/// <see cref="MaxInlineElements"/> text and link elements, our own bound for a payload that must never be refused.
/// </remarks>
internal sealed record RichTextBlock(IReadOnlyList<RichTextObject> Elements) : Block
{
    public const int MaxTextLength = 3000;

    public const int MaxInlineElements = 100;
}
