using System.Text.Json.Serialization;

namespace DigestBot.Formatting.Slack.Blocks;

/// <summary>
/// The "are you sure?" Slack shows before a button's press is sent (Block Kit's confirmation dialog object); each text is
/// cut to its limit here, so a long title cannot make Slack refuse the whole message.
/// </summary>
internal sealed record ConfirmationDialog
{
    public const int MaxTitleLength = 100;
    public const int MaxTextLength = 300;
    public const int MaxButtonLength = 30;

    public ConfirmationDialog(string title, string text, string confirm, string deny, string? style = null)
    {
        Title = new PlainText(TextCut.WithEllipsis(title, MaxTitleLength));
        Text = new PlainText(TextCut.WithEllipsis(text, MaxTextLength));
        Confirm = new PlainText(TextCut.WithEllipsis(confirm, MaxButtonLength));
        Deny = new PlainText(TextCut.WithEllipsis(deny, MaxButtonLength));
        Style = style;
    }

    /// <summary>Declared as the base type so the serializer writes the <c>type</c> discriminator.</summary>
    public TextObject Title { get; }

    public TextObject Text { get; }

    public TextObject Confirm { get; }

    public TextObject Deny { get; }

    /// <summary><c>primary</c> or <c>danger</c>: the look of the confirm button.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Style { get; }
}
