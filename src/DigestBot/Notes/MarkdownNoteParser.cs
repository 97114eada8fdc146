using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace DigestBot.Notes;

/// <summary>
/// One note per Markdown file: YAML front matter for the fields, the body as commentary,
/// and the abstract from front matter or else the body's first block quote.
/// </summary>
internal sealed partial class MarkdownNoteParser
{
    private static readonly string[] KnownKeys =
        ["title", "authors", "abstract", "links", "link", "arxiv", "arxiv_id", "tags", "date"];

    // YamlDotNet prefixes its messages with positions inside the front matter alone; we report file lines instead.
    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ")]
    private static partial Regex YamlPositionPrefix();

    public ParsedNotes Parse(string text, string fileName)
    {
        var problems = new List<NoteProblem>();
        var note = ParseNote(NoteLines.Split(text), fileName, problems);
        return new ParsedNotes(note is null ? [] : [note], problems);
    }

    private static Note? ParseNote(string[] lines, string fileName, List<NoteProblem> problems)
    {
        void Error(int line, string reason) => problems.Add(new NoteProblem(fileName, line, reason));

        var first = Array.FindIndex(lines, l => !string.IsNullOrWhiteSpace(l));
        if (first < 0 || lines[first].TrimEnd() != "---")
        {
            Error(first < 0 ? 1 : first + 1,
                "no YAML front matter: start the file with a `---` line, then the fields (`title: …`), then another `---` line");
            return null;
        }

        var close = Array.FindIndex(lines, first + 1, l => l.TrimEnd() is "---" or "...");
        if (close < 0)
        {
            Error(first + 1, $"the front matter opened at line {first + 1} is never closed; add a `---` line after its last field");
            return null;
        }

        // Front matter line k (1-based, as YamlDotNet counts) is file line first + 1 + k.
        var yamlOffset = first + 1;
        var yaml = string.Join("\n", lines[(first + 1)..close]);
        YamlMappingNode? root;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            root = stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode as YamlMappingNode;
            if (root is null && stream.Documents.Count > 0)
            {
                Error(yamlOffset + 1, "the front matter is not a list of `key: value` fields; write it as `title: …`, `tags: […]` and so on");
                return null;
            }
        }
        catch (YamlException e)
        {
            var message = YamlPositionPrefix().Replace(e.Message, "").TrimEnd('.');
            Error(yamlOffset + (int)e.Start.Line,
                $"the front matter is not valid YAML ({message}); fix this line between the `---` lines " +
                "(a value containing `: ` or starting with `#` must be in quotes)");
            return null;
        }

        var fields = new Dictionary<string, YamlNode>(StringComparer.OrdinalIgnoreCase);
        if (root is not null)
        {
            foreach (var (keyNode, value) in root.Children)
            {
                var key = (keyNode as YamlScalarNode)?.Value ?? "";
                if (!KnownKeys.Contains(key, StringComparer.OrdinalIgnoreCase))
                {
                    problems.Add(new NoteProblem(fileName, yamlOffset + (int)keyNode.Start.Line,
                        $"unknown front matter field `{key}` ignored; the fields are {string.Join(", ", KnownKeys)}",
                        ProblemSeverity.Warning));
                    continue;
                }

                fields[key] = value;
            }
        }

        int LineOf(string key) => fields.TryGetValue(key, out var node) ? yamlOffset + (int)node.Start.Line : first + 1;

        var errorsBefore = problems.Count(p => p.IsError);
        var title = Scalar(fields, "title")?.Trim();
        if (string.IsNullOrEmpty(title))
        {
            Error(first + 1, "the front matter has no `title`; add a `title: …` line between the `---` lines");
        }

        var authors = List(fields, "authors", ',');

        var links = new List<string>();
        foreach (var link in List(fields, "link", ' ').Concat(List(fields, "links", ' ')))
        {
            if (!links.Contains(link))
            {
                links.Add(link);
            }
        }

        string? arxivId = null;
        var arxivKey = fields.ContainsKey("arxiv") ? "arxiv" : fields.ContainsKey("arxiv_id") ? "arxiv_id" : null;
        if (arxivKey is not null)
        {
            var raw = Scalar(fields, arxivKey)?.Trim() ?? "";
            if (ArxivId.TryParse(raw, out var parsed) || ArxivId.TryFromUrl(raw, out parsed))
            {
                arxivId = parsed;
            }
            else
            {
                Error(LineOf(arxivKey),
                    $"`{arxivKey}: {raw}` is not an arXiv id; write it like `2408.00714` or `hep-th/9901001`, or leave the field out");
            }
        }
        else
        {
            foreach (var link in links)
            {
                if (ArxivId.TryFromUrl(link, out var id))
                {
                    arxivId = id;
                    break;
                }
            }
        }

        var tags = List(fields, "tags", ' ', ',').Select(Tag.Canonical).Where(t => t.Length > 0).Distinct().ToList();
        if (fields.TryGetValue("tags", out var tagsNode) && tagsNode is YamlScalarNode { Value: null or "" })
        {
            var rawLine = lines[LineOf("tags") - 1];
            if (rawLine.Contains('#'))
            {
                Error(LineOf("tags"),
                    "`tags:` starts with `#`, which YAML reads as a comment, so no tags were read; " +
                    "quote them (`tags: \"#llm #dataset\"`) or leave out the `#`");
            }
        }

        DateOnly? date = null;
        if (Scalar(fields, "date") is { Length: > 0 } rawDate)
        {
            if (DateOnly.TryParseExact(rawDate.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsedDate))
            {
                date = parsedDate;
            }
            else
            {
                Error(LineOf("date"), $"`date: {rawDate}` is not a date; write it as yyyy-MM-dd, like `2024-07-30`");
            }
        }

        var bodyStart = close + 1;
        var body = lines[bodyStart..].ToList();
        var abstractText = Scalar(fields, "abstract")?.Trim();
        if (string.IsNullOrEmpty(abstractText))
        {
            abstractText = TakeFirstBlockQuote(body);
        }

        if (string.IsNullOrEmpty(abstractText))
        {
            Error(first + 1,
                "the note has no abstract; add an `abstract: …` field or start the body with the abstract as a block quote (`> …`)");
        }
        else if (RepeatedParagraph.TryCollapse(abstractText, out var once))
        {
            abstractText = once;
            problems.Add(new NoteProblem(fileName, fields.ContainsKey("abstract") ? LineOf("abstract") : bodyStart + 1,
                "abstract is the same paragraph written twice; stored once", ProblemSeverity.Warning));
        }

        if (problems.Count(p => p.IsError) > errorsBefore)
        {
            return null;
        }

        var commentary = body.SkipWhile(string.IsNullOrWhiteSpace).Reverse().SkipWhile(string.IsNullOrWhiteSpace).Reverse();
        return new Note
        {
            Title = title!,
            Authors = authors,
            Abstract = abstractText!,
            Links = links,
            ArxivId = arxivId,
            Commentary = string.Join("\n", commentary),
            Tags = tags,
            Date = date,
            Source = new NoteSource(fileName, first + 1),
        };
    }

    private static string? Scalar(Dictionary<string, YamlNode> fields, string key) =>
        fields.TryGetValue(key, out var node) ? node switch
        {
            YamlScalarNode scalar => scalar.Value,
            YamlSequenceNode sequence => string.Join(", ", sequence.Children.OfType<YamlScalarNode>().Select(s => s.Value)),
            _ => null,
        } : null;

    /// <summary>A YAML list, or one string split on the given separators (<c>authors: A, B</c>, <c>tags: llm dataset</c>).</summary>
    private static List<string> List(Dictionary<string, YamlNode> fields, string key, params char[] separators)
    {
        if (!fields.TryGetValue(key, out var node))
        {
            return [];
        }

        var items = node switch
        {
            YamlSequenceNode sequence => sequence.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? ""),
            YamlScalarNode scalar => (scalar.Value ?? "").Split(separators),
            _ => [],
        };
        return items.Select(i => i.Trim()).Where(i => i.Length > 0).ToList();
    }

    /// <summary>Removes the body's first block quote and returns it as plain text, paragraphs kept apart.</summary>
    private static string? TakeFirstBlockQuote(List<string> body)
    {
        var inFence = false;
        var start = -1;
        for (var i = 0; i < body.Count; i++)
        {
            var trimmed = body[i].TrimStart();
            if (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal))
            {
                inFence = !inFence;
                continue;
            }

            // Four spaces of indent make a code block in CommonMark, not a quote.
            if (!inFence && trimmed.StartsWith('>') && body[i].Length - trimmed.Length < 4)
            {
                start = i;
                break;
            }
        }

        if (start < 0)
        {
            return null;
        }

        var end = start;
        while (end < body.Count && body[end].TrimStart().StartsWith('>'))
        {
            end++;
        }

        var paragraphs = new List<List<string>> { new() };
        foreach (var line in body.GetRange(start, end - start))
        {
            var content = line.TrimStart()[1..].Trim();
            if (content.Length == 0)
            {
                paragraphs.Add([]);
            }
            else
            {
                paragraphs[^1].Add(content);
            }
        }

        body.RemoveRange(start, end - start);
        // Without the quote, the blank lines that framed it would stack up in the commentary.
        if (start > 0 && start < body.Count && string.IsNullOrWhiteSpace(body[start]) && string.IsNullOrWhiteSpace(body[start - 1]))
        {
            body.RemoveAt(start);
        }

        return string.Join("\n\n", paragraphs.Where(p => p.Count > 0).Select(p => string.Join(" ", p)));
    }
}
