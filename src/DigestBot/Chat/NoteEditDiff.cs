using System.Globalization;
using DigestBot.Notes;

namespace DigestBot.Chat;

/// <summary>
/// What an edit changes, in one line for the curator who sent it:
/// <c>title unchanged · commentary: 2 lines changed · tags: +#rlhf</c>.
/// </summary>
internal static class NoteEditDiff
{
    public static string Describe(Note stored, Note edited)
    {
        var parts = new List<string>
        {
            stored.Title == edited.Title ? ChatText.Get(ChatTextKey.EditTitleUnchanged) : ChatText.Format(ChatTextKey.EditTitleChanged, edited.Title),
        };
        if (!stored.Authors.SequenceEqual(edited.Authors, StringComparer.Ordinal))
        {
            parts.Add(ChatText.Get(ChatTextKey.EditAuthorsChanged));
        }

        if (stored.Abstract != edited.Abstract)
        {
            parts.Add(ChatText.Get(ChatTextKey.EditAbstractChanged));
        }

        if (!stored.Links.SequenceEqual(edited.Links, StringComparer.Ordinal))
        {
            parts.Add(ChatText.Get(ChatTextKey.EditLinksChanged));
        }

        if (stored.Commentary != edited.Commentary)
        {
            var lines = ChangedLines(stored.Commentary, edited.Commentary);
            parts.Add(ChatText.Format(ChatTextKey.EditCommentaryChanged, ChatText.Count(lines, ChatTextKey.EditOneLineChanged, ChatTextKey.EditManyLinesChanged)));
        }

        var tags = edited.Tags.Where(t => !stored.Tags.Contains(t)).Select(t => "+" + Tag.ForDisplay(t))
            .Concat(stored.Tags.Where(t => !edited.Tags.Contains(t)).Select(t => "−" + Tag.ForDisplay(t)))
            .ToList();
        if (tags.Count > 0)
        {
            parts.Add(ChatText.Format(ChatTextKey.EditTagsChanged, string.Join(' ', tags)));
        }

        if (stored.Date != edited.Date)
        {
            parts.Add(ChatText.Format(
                ChatTextKey.EditDateChanged, edited.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? ChatText.Get(ChatTextKey.EditNoDate)));
        }

        return string.Join(" · ", parts);
    }

    /// <summary>Lines removed or added, whichever is more, beside the longest run of lines both keep in order.</summary>
    public static int ChangedLines(string before, string after)
    {
        var a = before.Split('\n');
        var b = after.Split('\n');
        var kept = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                kept[i, j] = a[i] == b[j] ? kept[i + 1, j + 1] + 1 : Math.Max(kept[i + 1, j], kept[i, j + 1]);
            }
        }

        return Math.Max(a.Length, b.Length) - kept[0, 0];
    }
}
