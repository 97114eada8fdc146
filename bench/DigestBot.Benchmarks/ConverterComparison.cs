using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using DigestBot.Formatting.Slack;
using DigestBot.Formatting.Slack.RichText;
using DigestBot.Formatting.Telegram;
using DigestBot.Tests.Formatting;

namespace DigestBot.Benchmarks;

/// <summary>
/// The two halves of <c>bench/compare-converters.sh</c> around the node script:
/// <c>export-corpus DIR [--documents 10000]</c> writes the commentary corpus as <c>DIR/corpus.json</c>;
/// <c>validate-converters DIR</c> times DigestBot's renderers over the same corpus the same way the node script
/// times the npm converters (warm-up passes for at least two seconds each, then the median of five timed passes, in wall time and in the
/// process's CPU time, which other processes on a shared machine disturb less), checks every output
/// (Telegram: <see cref="TelegramHtmlValidator"/> for DigestBot's HTML, <see cref="MarkdownV2Checker"/> for
/// telegramify-markdown's MarkdownV2; Slack: <see cref="SlackMentions"/>), and writes <c>DIR/results.md</c>.
/// </summary>
internal static class ConverterComparison
{
    private const int Passes = 5;
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(2);

    public static async Task<int> ExportAsync(string[] args)
    {
        var options = new VerbArguments(args);
        var folder = options.Positional(0) ?? throw new ArgumentException("usage: export-corpus DIR [--documents 10000]");
        var documents = new CorpusGenerator().Commentaries(options.Int("documents", CommentaryBenchmarks.Documents));
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "corpus.json"), JsonSerializer.Serialize(documents));
        Console.WriteLine($"wrote {documents.Count:N0} commentary documents ({documents.Sum(d => d.Length):N0} characters) to {Path.Combine(folder, "corpus.json")}");
        return 0;
    }

    public static async Task<int> ValidateAsync(string[] args)
    {
        var folder = new VerbArguments(args).Positional(0) ?? throw new ArgumentException("usage: validate-converters DIR");
        var corpus = JsonSerializer.Deserialize<List<string>>(await File.ReadAllTextAsync(Path.Combine(folder, "corpus.json")))!;
        var withBrackets = corpus.Count(SlackMentions.HasInjection);
        var withTyped = corpus.Count(SlackMentions.HasTypedBroadcast);

        var telegram = Time("DigestBot TelegramHtml.MarkdownToHtml", corpus, TelegramHtml.MarkdownToHtml);
        var slack = Time("DigestBot SlackMrkdwn.MarkdownToMrkdwn", corpus, SlackMrkdwn.MarkdownToMrkdwn);
        var richText = Time("DigestBot rich text (blocks as JSON)", corpus, RichTextJson);
        var converters = Directory.GetFiles(folder, "converter-*.json").Order(StringComparer.Ordinal)
            .Select(path => JsonSerializer.Deserialize<ConverterRun>(File.ReadAllText(path))!)
            .ToList();

        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"Corpus: {corpus.Count:N0} commentary documents ({corpus.Sum(d => d.Length):N0} characters); {withBrackets:N0} contain `<!channel>` or `<@U…>`, {withTyped:N0} a typed `@here`.");
        report.AppendLine();
        report.AppendLine("| platform | converter | docs/s | DigestBot ÷ converter | docs per CPU second | DigestBot ÷ converter in CPU time | outputs Telegram would reject | outputs with `<!channel>`/`<@U…>` | outputs with typed `@here` |");
        report.AppendLine("|---|---|---|---|---|---|---|---|---|");
        report.AppendLine(Row("Telegram", telegram, null, TelegramRejects(telegram.Outputs, html: true), "", ""));
        foreach (var run in converters.Where(c => c.Platform == "telegram"))
        {
            report.AppendLine(Row("Telegram", run, telegram, TelegramRejects(run.Outputs, html: false), "", ""));
        }

        report.AppendLine(Row("Slack", slack, null, "", Count(slack.Outputs, SlackMentions.HasInjection), Count(slack.Outputs, SlackMentions.HasTypedBroadcast)));
        report.AppendLine(Row("Slack", richText, null, "", Count(richText.Outputs, SlackMentions.HasRichTextMention), Count(richText.Outputs, SlackMentions.HasTypedBroadcast)));
        foreach (var run in converters.Where(c => c.Platform == "slack"))
        {
            report.AppendLine(Row("Slack", run, slack, "", Count(run.Outputs, SlackMentions.HasInjection), Count(run.Outputs, SlackMentions.HasTypedBroadcast)));
            report.AppendLine(Row("Slack", run with { Name = $"{run.Name} (against rich text)" }, richText, "", "", ""));
        }

        report.AppendLine();
        foreach (var run in converters.Where(c => c.Platform == "telegram").Prepend(telegram))
        {
            var example = run.Outputs.Select(o => (Output: o, Problems: run == telegram ? TelegramHtmlValidator.Problems(o) : MarkdownV2Checker.Problems(o)))
                .FirstOrDefault(x => x.Problems.Count > 0);
            if (example.Output is not null)
            {
                report.AppendLine(CultureInfo.InvariantCulture, $"First rejected {run.Name} output: {example.Problems[0]} — `{Excerpt(example.Output)}`");
                report.AppendLine();
            }
        }

        foreach (var run in converters.Where(c => c.Platform == "slack").Prepend(slack))
        {
            var example = run.Outputs.FirstOrDefault(SlackMentions.HasInjection);
            if (example is not null)
            {
                report.AppendLine(CultureInfo.InvariantCulture, $"A {run.Name} output that pings: `{Excerpt(example[Math.Max(0, SlackMentions.FirstInjection(example) - 20)..])}`");
                report.AppendLine();
            }
        }

        var text = report.ToString();
        await File.WriteAllTextAsync(Path.Combine(folder, "results.md"), text);
        Console.Write(text);
        return 0;
    }

    /// <summary>What a note's commentary becomes on Slack since rich text: its blocks, serialized as they are sent.</summary>
    private static string RichTextJson(string markdown) =>
        JsonSerializer.Serialize(new SlackMessage("", SlackRichText.Blocks(SlackRichText.MarkdownToTokens(markdown))), SlackJsonContext.Readable.SlackMessage);

    private static ConverterRun Time(string name, IReadOnlyList<string> corpus, Func<string, string> convert)
    {
        var outputs = corpus.Select(convert).ToList();

        // One pass of 10,000 documents takes DigestBot about 0.1 s: too short for .NET's tiered compilation to
        // finish (on a loaded machine the first renderer timed was still 1.5x slower than the second), while
        // one pass of telegramify-markdown takes 5 s. Both sides warm up for the same time instead.
        var warmUp = Stopwatch.StartNew();
        while (warmUp.Elapsed < WarmUp)
        {
            foreach (var document in corpus)
            {
                convert(document);
            }
        }

        var times = new List<double>();
        var cpuTimes = new List<double>();
        for (var pass = 0; pass < Passes; pass++)
        {
            var cpu = Environment.CpuUsage.TotalTime;
            var watch = Stopwatch.StartNew();
            var length = 0;
            foreach (var document in corpus)
            {
                length += convert(document).Length;
            }

            times.Add(watch.Elapsed.TotalSeconds);
            cpuTimes.Add((Environment.CpuUsage.TotalTime - cpu).TotalSeconds);
            GC.KeepAlive(length);
        }

        return new ConverterRun
        {
            Name = name,
            Platform = "",
            Version = typeof(TelegramHtml).Assembly.GetName().Version?.ToString() ?? "",
            DocsPerSecond = corpus.Count / Percentiles.Of(times, 50),
            DocsPerCpuSecond = corpus.Count / Percentiles.Of(cpuTimes, 50),
            Outputs = outputs,
        };
    }

    private static string TelegramRejects(IReadOnlyList<string> outputs, bool html)
    {
        var rejected = outputs.Count(o => (html ? TelegramHtmlValidator.Problems(o) : MarkdownV2Checker.Problems(o)).Count > 0);
        return $"{rejected:N0} ({100.0 * rejected / outputs.Count:F1}%)";
    }

    private static string Count(IReadOnlyList<string> outputs, Func<string, bool> predicate) =>
        outputs.Count(predicate).ToString("N0", CultureInfo.InvariantCulture);

    private static string Row(string platform, ConverterRun run, ConverterRun? digestBot, string rejected, string injected, string typed) =>
        $"| {platform} | {run.Name}{(run.Version.Length > 0 && digestBot is not null ? " " + run.Version : "")} | " +
        $"{run.DocsPerSecond:N0} | {Ratio(digestBot?.DocsPerSecond, run.DocsPerSecond)} | " +
        $"{run.DocsPerCpuSecond:N0} | {Ratio(digestBot?.DocsPerCpuSecond, run.DocsPerCpuSecond)} | {rejected} | {injected} | {typed} |";

    private static string Ratio(double? digestBot, double converter) =>
        digestBot is { } ours ? (ours / converter).ToString("F1", CultureInfo.InvariantCulture) + "×" : "—";

    private static string Excerpt(string text)
    {
        var line = text.Replace("\n", "⏎", StringComparison.Ordinal).Replace("`", "ˋ", StringComparison.Ordinal);
        return line.Length > 120 ? line[..120] + "…" : line;
    }

    /// <summary>What <c>bench/compare/convert.mjs</c> writes for each converter.</summary>
    private sealed record ConverterRun
    {
        [System.Text.Json.Serialization.JsonPropertyName("name")]
        public required string Name { get; init; }

        [System.Text.Json.Serialization.JsonPropertyName("platform")]
        public required string Platform { get; init; }

        [System.Text.Json.Serialization.JsonPropertyName("version")]
        public required string Version { get; init; }

        [System.Text.Json.Serialization.JsonPropertyName("docsPerSecond")]
        public required double DocsPerSecond { get; init; }

        [System.Text.Json.Serialization.JsonPropertyName("docsPerCpuSecond")]
        public required double DocsPerCpuSecond { get; init; }

        [System.Text.Json.Serialization.JsonPropertyName("outputs")]
        public required List<string> Outputs { get; init; }
    }
}
