using DigestBot.Formatting;
using DigestBot.Formatting.Slack;
using DigestBot.Formatting.Telegram;
using DigestBot.Notes;

namespace DigestBot.Tests.Formatting;

/// <summary>The assertions every rendered note must pass, shared by example and property tests.</summary>
internal static class NoteChecks
{
    /// <summary>A description of what is wrong, or null when the note renders validly and completely on both platforms.</summary>
    public static string? Problems(Note note) => TelegramProblems(note) ?? SlackProblems(note);

    public static string? TelegramProblems(Note note)
    {
        var parts = new TelegramNoteRenderer().Render(note);
        for (var i = 0; i < parts.Count; i++)
        {
            var problems = TelegramHtmlValidator.Problems(parts[i].Html);
            if (problems.Count > 0)
            {
                return $"Telegram part {i}: {string.Join("; ", problems)}\n{parts[i].Html}";
            }

            if ((i == 0) != (parts[i].ReplyToPart is null))
            {
                return $"Telegram part {i} replies to {parts[i].ReplyToPart}";
            }
        }

        var telegramText = string.Concat(parts.Select(p => TelegramHtmlValidator.VisibleText(p.Html) + "\n"));
        if (NoteText.FirstMissing(NoteText.Fragments(note, Tag.ForTelegram), telegramText) is { } lost)
        {
            return $"Telegram lost text: [{lost}]";
        }

        foreach (var line in RenderPayloads.TelegramJsonLines(note, "@channel"))
        {
            using var json = System.Text.Json.JsonDocument.Parse(line);
            if (json.RootElement.GetProperty("parse_mode").GetString() != "HTML")
            {
                return "Telegram payload without HTML parse mode";
            }
        }

        return null;
    }

    public static string? SlackProblems(Note note)
    {
        var lines = RenderPayloads.SlackJsonLines(note, "C123").ToList();
        foreach (var line in lines)
        {
            var problems = SlackBlockKitChecker.Problems(line).ToList();
            if (SlackBlockKitChecker.NoteMessageTooLong(line) is { } tooLong)
            {
                problems.Add(tooLong);
            }

            if (problems.Count > 0)
            {
                return $"Slack: {string.Join("; ", problems)}\n{line}";
            }
        }

        var slackText = string.Concat(lines.Select(SlackBlockKitChecker.VisibleText));
        if (NoteText.FirstMissing(NoteText.Fragments(note, Tag.ForDisplay), slackText, NoteText.WithoutSlackMarkup) is { } slackLost)
        {
            return $"Slack lost text: [{slackLost}]";
        }

        return null;
    }
}
