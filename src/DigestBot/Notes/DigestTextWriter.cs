using System.Globalization;
using System.Text;

namespace DigestBot.Notes;

/// <summary>
/// Writes a note in the digest text format that <see cref="DigestTextParser"/> reads back as the same note: its date line,
/// title, (authors), the abstract on one line, link lines, commentary and the hashtag line that ends it.
/// </summary>
internal static class DigestTextWriter
{
    public static string Write(Note note)
    {
        var text = new StringBuilder();
        if (note.Date is { } date)
        {
            text.Append(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append('\n');
        }

        text.Append(OneLine(note.Title)).Append('\n');
        if (note.Authors.Count > 0)
        {
            text.Append('(').Append(string.Join(", ", note.Authors.Select(OneLine))).Append(")\n");
        }

        // The format holds the abstract on one line: an abstract of several paragraphs (a Markdown note's) is joined.
        text.Append(OneLine(note.Abstract)).Append('\n');
        foreach (var link in note.Links)
        {
            text.Append(link.Trim()).Append('\n');
        }

        if (note.Commentary.Length > 0)
        {
            text.Append(note.Commentary.ReplaceLineEndings("\n")).Append('\n');
        }

        text.Append(string.Join(' ', note.Tags.Select(t => "#" + t))).Append('\n');
        return text.ToString();
    }

    private static string OneLine(string text) =>
        string.Join(' ', text.Split(['\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
