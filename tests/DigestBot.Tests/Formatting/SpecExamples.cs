namespace DigestBot.Tests.Formatting;

/// <summary>
/// Reads spec files shaped like Markdig's NormalizeSpecs: each example is a fence of 32 backticks
/// followed by <c>example</c>, the Markdown, a line holding only <c>.</c>, the expected output, and a closing fence.
/// A <c>→</c> stands for a tab; headings name the examples that follow them.
/// </summary>
internal static class SpecExamples
{
    private static readonly string Fence = new('`', 32);

    public static TheoryData<string, string, string> Load(string fileName)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Formatting", fileName);
        var lines = File.ReadAllLines(path);
        var data = new TheoryData<string, string, string>();
        var section = "";
        var number = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith("## ", StringComparison.Ordinal))
            {
                section = lines[i][3..];
                continue;
            }

            if (lines[i] != Fence + " example")
            {
                continue;
            }

            var input = new List<string>();
            for (i++; lines[i] != "."; i++)
            {
                input.Add(lines[i]);
            }

            var expected = new List<string>();
            for (i++; lines[i] != Fence; i++)
            {
                expected.Add(lines[i]);
            }

            number++;
            data.Add($"{number}: {section}", Unescape(input), Unescape(expected));
        }

        return data;
    }

    private static string Unescape(List<string> lines) => string.Join("\n", lines).Replace('→', '\t').Replace("{WJ}", "\u2060", StringComparison.Ordinal);
}
