namespace DigestBot.Notes;

/// <summary>
/// Reads the digest text format curators already write (see DESIGN.md, "The digest text format"):
/// title, optional (authors), one-line abstract, optional URL lines, commentary, and a hashtag
/// line that — and only that — ends the note.
/// </summary>
internal sealed class DigestTextParser
{
    public ParsedNotes Parse(string text, string fileName)
    {
        var problems = new List<NoteProblem>();
        var notes = Notes(text, fileName, problems).ToList();
        return new ParsedNotes(notes, problems);
    }

    /// <summary>
    /// The notes of <paramref name="text"/>, each yielded as its hashtag line is read, so that an import can store the
    /// first notes while the rest are parsed; rejected notes and warnings go to <paramref name="problems"/> as found.
    /// </summary>
    public IEnumerable<Note> Notes(string text, string fileName, List<NoteProblem> problems)
    {
        var lines = NoteLines.Split(text);
        DateOnly? date = null;
        var noteStart = -1;

        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var lineNumber = i + 1;
            var isHashtagLine = HashtagLine.TryParse(line, out var tags);

            if (noteStart >= 0)
            {
                if (isHashtagLine)
                {
                    var note = BuildNote(lines, noteStart, i, tags, date, fileName, problems);
                    if (note is not null)
                    {
                        yield return note;
                    }

                    noteStart = -1;
                }

                continue;
            }

            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            switch (DigestDateLine.TryParse(line, out var day))
            {
                case DigestDateLine.Kind.Date:
                    date = day;
                    continue;
                case DigestDateLine.Kind.Invalid:
                    problems.Add(new NoteProblem(fileName, lineNumber,
                        $"`{line.Trim()}` looks like a date line but names no real day; correct the date"));
                    continue;
            }

            if (isHashtagLine)
            {
                problems.Add(new NoteProblem(fileName, lineNumber,
                    $"hashtag line `{line.Trim()}` has no note above it; a hashtag line ends the note written " +
                    "just before it, so move it under its note or delete it"));
                continue;
            }

            noteStart = i;
        }

        if (noteStart >= 0)
        {
            problems.Add(new NoteProblem(fileName, noteStart + 1,
                $"unfinished note starting at line {noteStart + 1}: it has no hashtag line (#tag) to end it; " +
                "add a line of its hashtags after its commentary"));
        }
    }

    /// <param name="start">Index of the title line.</param>
    /// <param name="end">Index of the hashtag line that ends the note.</param>
    private static Note? BuildNote(
        string[] lines, int start, int end, IReadOnlyList<string> tags, DateOnly? date, string fileName, List<NoteProblem> problems)
    {
        var title = lines[start].Trim();
        var titleLine = start + 1;
        var i = SkipBlank(lines, start + 1, end);

        IReadOnlyList<string> authors = [];
        if (i < end && IsAuthorsLine(lines[i]))
        {
            authors = SplitAuthors(lines[i]);
            i = SkipBlank(lines, i + 1, end);
        }

        if (i >= end || IsUrlOnly(lines[i]))
        {
            problems.Add(new NoteProblem(fileName, titleLine,
                $"note \"{title}\" has no abstract: the line after the title (or after the authors line) must be " +
                "the abstract, pasted as one line; add it there"));
            return null;
        }

        var abstractLine = i + 1;
        var abstractText = lines[i].Trim();
        if (RepeatedParagraph.TryCollapse(abstractText, out var once))
        {
            abstractText = once;
            problems.Add(new NoteProblem(fileName, abstractLine,
                "abstract is the same paragraph written twice; stored once", ProblemSeverity.Warning));
        }

        var links = new List<string>();
        i++;
        while (true)
        {
            var next = SkipBlank(lines, i, end);
            if (next >= end || !IsUrlOnly(lines[next]))
            {
                break;
            }

            links.Add(lines[next].Trim());
            i = next + 1;
        }

        var commentary = lines[i..end].SkipWhile(string.IsNullOrWhiteSpace).Reverse()
            .SkipWhile(string.IsNullOrWhiteSpace).Reverse();

        // Commentary links point at related papers, so only the note's own link lines name its arXiv id.
        string? arxivId = null;
        foreach (var link in links)
        {
            if (ArxivId.TryFromUrl(link, out var id))
            {
                arxivId = id;
                break;
            }
        }

        return new Note
        {
            Title = title,
            Authors = authors,
            Abstract = abstractText,
            Links = links,
            ArxivId = arxivId,
            Commentary = string.Join("\n", commentary),
            Tags = tags,
            Date = date,
            Source = new NoteSource(fileName, titleLine),
        };
    }

    private static int SkipBlank(string[] lines, int from, int end)
    {
        while (from < end && string.IsNullOrWhiteSpace(lines[from]))
        {
            from++;
        }

        return from;
    }

    private static bool IsAuthorsLine(string line)
    {
        var trimmed = line.Trim();
        return trimmed.Length > 2 && trimmed[0] == '(' && trimmed[^1] == ')';
    }

    private static IReadOnlyList<string> SplitAuthors(string line)
    {
        var inner = line.Trim()[1..^1];
        return inner.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
    }

    private static bool IsUrlOnly(string line)
    {
        var trimmed = line.Trim();
        return trimmed.Length > 0
            && !trimmed.Any(char.IsWhiteSpace)
            && Uri.TryCreate(trimmed, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
    }
}
