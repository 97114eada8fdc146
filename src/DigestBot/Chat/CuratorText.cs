using System.Text;
using System.Text.RegularExpressions;
using DigestBot.Notes;

namespace DigestBot.Chat;

/// <summary>Splits what a curator wrote around a paper link into commentary and tags.</summary>
internal static partial class CuratorText
{
    /// <summary>
    /// Lines made only of hashtags become tags and leave the text; hashtags inside sentences become tags too but stay
    /// where they are. Paper links are dropped from the text when <paramref name="dropPaperLinks"/> is set: the note carries them.
    /// </summary>
    public static (string Commentary, IReadOnlyList<string> Tags) Split(string text, bool dropPaperLinks)
    {
        var tags = new List<string>();
        var kept = new List<string>();
        foreach (var rawLine in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            if (HashtagLine.TryParse(rawLine, out var lineTags))
            {
                tags.AddRange(lineTags);
                continue;
            }

            foreach (Match match in InlineHashtag().Matches(rawLine))
            {
                var tag = Tag.Canonical(match.Groups["tag"].Value.TrimEnd('.', '-'));
                if (tag.Any(char.IsLetter))
                {
                    tags.Add(tag);
                }
            }

            var line = dropPaperLinks ? WithoutPaperLinks(rawLine) : rawLine.TrimEnd();
            kept.Add(WithoutTrailingHashtags(line));
        }

        return (Tidy(kept), tags.Distinct(StringComparer.Ordinal).ToList());
    }

    // "Great paper #llm #rl": the tags are the note's tags, not words of its commentary; "#llm inside a sentence" stays.
    private static string WithoutTrailingHashtags(string line)
    {
        var words = line.Split(' ');
        var end = words.Length;
        while (end > 0 && (words[end - 1].Length == 0 || IsTagWord(words[end - 1])))
        {
            end--;
        }

        return end == words.Length ? line : string.Join(' ', words[..end]).TrimEnd();
    }

    private static bool IsTagWord(string word) =>
        InlineHashtag().Match(word) is { Success: true } m && m.Index == 0 && m.Length == word.Length && word.Any(char.IsLetter);

    private static string WithoutPaperLinks(string line)
    {
        var words = line.Split(' ');
        var keep = words.Where(w => w.Length == 0 || !IsPaperLink(w)).ToList();
        return keep.Count == words.Length ? line.TrimEnd() : string.Join(' ', keep).Trim();
    }

    private static bool IsPaperLink(string word)
    {
        var trimmed = word.Trim().TrimEnd('.', ',', ';', ':', '!', '?', ')', ']', '>').TrimStart('(', '[', '<');
        return trimmed.Contains('/', StringComparison.Ordinal) && ArxivId.TryFromUrl(trimmed, out _);
    }

    /// <summary>No blank lines at the ends, and never more than one in a row.</summary>
    private static string Tidy(IReadOnlyList<string> lines)
    {
        var text = new StringBuilder();
        var blank = false;
        foreach (var line in lines)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                blank = text.Length > 0;
                continue;
            }

            if (blank)
            {
                text.Append('\n');
                blank = false;
            }

            text.Append(line).Append('\n');
        }

        return text.ToString().TrimEnd();
    }

    [GeneratedRegex(@"(?<![\w#&/])#(?<tag>[\p{L}\p{N}_][\p{L}\p{N}\p{Mn}\p{Mc}_\-.]*)")]
    private static partial Regex InlineHashtag();
}
