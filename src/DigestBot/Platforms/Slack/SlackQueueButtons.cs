using System.Globalization;
using DigestBot.Chat;
using DigestBot.Formatting;
using DigestBot.Formatting.Slack.Blocks;
using DigestBot.Storage;

namespace DigestBot.Platforms.Slack;

/// <summary>
/// The ▲ ▼ Next Withdraw buttons under each note of a curator's <c>/queue</c>, in an ephemeral answer and in the App
/// Home alike. Each button's value is <c>&lt;note id&gt;:&lt;listing version&gt;</c>; what comes back is read as
/// untrusted and accepted only in that shape.
/// </summary>
internal static class SlackQueueButtons
{
    public const string MoveUpAction = "queue_move_up";
    public const string MoveDownAction = "queue_move_down";
    public const string NextAction = "queue_next";
    public const string WithdrawAction = "queue_withdraw";

    /// <summary>A title longer than this is cut in the Withdraw confirmation, so its sentence keeps its end.</summary>
    private const int MaxConfirmTitleLength = 150;

    public static IReadOnlyList<string> ActionIds { get; } = [MoveUpAction, MoveDownAction, NextAction, WithdrawAction];

    public static ActionsBlock For(NoteListing note, string version, ChatLanguage language)
    {
        var value = string.Create(CultureInfo.InvariantCulture, $"{note.Id}:{version}");
        return new ActionsBlock(
        [
            ButtonElement.Action(ChatText.Format(language, ChatTextKey.QueueUpButton, note.Number), MoveUpAction, value),
            ButtonElement.Action(ChatText.Format(language, ChatTextKey.QueueDownButton, note.Number), MoveDownAction, value),
            ButtonElement.Action(ChatText.Format(language, ChatTextKey.QueueNextButton, note.Number), NextAction, value, "primary"),
            ButtonElement.Action(ChatText.Format(language, ChatTextKey.QueueWithdrawButton, note.Number), WithdrawAction, value, "danger", WithdrawConfirmation(note, language)),
        ]);
    }

    /// <summary>Withdraw is the one press another press does not undo, so Slack asks first.</summary>
    private static ConfirmationDialog WithdrawConfirmation(NoteListing note, ChatLanguage language) => new(
        ChatText.Get(language, ChatTextKey.QueueWithdrawConfirmTitle),
        ChatText.Format(language, ChatTextKey.QueueWithdrawConfirmText, TextCut.WithEllipsis(note.Title, MaxConfirmTitleLength), note.Id),
        ChatText.Get(language, ChatTextKey.QueueWithdrawConfirm),
        ChatText.Get(language, ChatTextKey.QueueWithdrawDeny),
        "danger");

    /// <summary>The press a button asks for; null when its action id or value is not one of these buttons'.</summary>
    public static QueuePress? Parse(string actionId, string? value)
    {
        QueueMove? move = actionId switch
        {
            MoveUpAction => QueueMove.Up,
            MoveDownAction => QueueMove.Down,
            NextAction => QueueMove.Next,
            WithdrawAction => QueueMove.Withdraw,
            _ => null,
        };
        var parts = value?.Split(':');
        return move is { } m
            && parts is [var id, var version]
            && long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var noteId)
            && QueueListingVersion.IsWellFormed(version)
            ? new QueuePress(m, noteId, version)
            : null;
    }
}
