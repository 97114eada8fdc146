using System.Globalization;
using DigestBot.Chat;
using DigestBot.Formatting.Slack.Blocks;

namespace DigestBot.Platforms.Slack;

/// <summary>
/// The Previous/Next buttons of a paged <c>/tag</c> or <c>/search</c> answer. A button's value is the page command
/// itself (<c>/tag video-segmentation 2</c>); when it comes back it is read as untrusted text and accepted only as
/// such a command, which then runs as the presser's own.
/// </summary>
internal static class SlackPageButton
{
    public const string ActionId = "page";

    private static readonly string[] Paged = ["tag", "search"];

    /// <summary>Previous and Next as they apply to the page shown; null when the answer has one page.</summary>
    public static ActionsBlock? For(ChatReply reply)
    {
        if (reply.PageCount <= 1 || reply.PageCommand is not { } command)
        {
            return null;
        }

        var buttons = new List<ButtonElement>();
        if (reply.Page > 1 && Value(command, reply.Page - 1) is { } previous)
        {
            buttons.Add(ButtonElement.Action(ChatText.Get(reply.Language, ChatTextKey.PreviousButton), ActionId, previous));
        }

        if (reply.Page < reply.PageCount && Value(command, reply.Page + 1) is { } next)
        {
            buttons.Add(ButtonElement.Action(ChatText.Get(reply.Language, ChatTextKey.NextButton), ActionId, next));
        }

        return buttons.Count == 0 ? null : new ActionsBlock(buttons);
    }

    /// <summary>The command a pressed button asks for, or null when its value is not a page of <c>/tag</c> or <c>/search</c>.</summary>
    public static string? Command(string? value)
    {
        if (value is null || value.Length > ButtonElement.MaxValueLength || value.Contains('\n', StringComparison.Ordinal)
            || ChatCommand.Parse(value) is not { AddressedTo: null } command || !Paged.Contains(command.Name))
        {
            return null;
        }

        var lastSpace = command.Arguments.LastIndexOf(' ');
        return lastSpace > 0
            && int.TryParse(command.Arguments.AsSpan(lastSpace + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page >= 1
            ? $"/{command.Name} {command.Arguments}"
            : null;
    }

    private static string? Value(string pageCommand, int page)
    {
        var value = string.Create(CultureInfo.InvariantCulture, $"{pageCommand} {page}");
        return Command(value) is not null ? value : null;
    }
}
