namespace DigestBot.Formatting.Slack.Blocks;

internal sealed record HeaderBlock : Block
{
    public const int MaxTextLength = 150;

    public HeaderBlock(PlainText text) => Text = text;

    /// <summary>Declared as the base type so the serializer writes the <c>type</c> discriminator.</summary>
    public TextObject Text { get; }
}
