namespace DigestBot.Notes;

/// <summary>How both note formats see a file's text: lines numbered from 1, whatever the line endings or BOM.</summary>
internal static class NoteLines
{
    public static string[] Split(string text)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            // A BOM can sit mid-text when files were concatenated, not only at the start.
            lines[i] = lines[i].TrimEnd('\r').TrimStart('\uFEFF');
        }

        return lines;
    }
}
