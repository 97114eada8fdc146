using System.Diagnostics;
using DigestBot.Formatting;
using DigestBot.Formatting.Slack;
using DigestBot.Formatting.Slack.Renderers;
using DigestBot.Formatting.Telegram;
using DigestBot.Formatting.Telegram.Renderers;
using Markdig;

namespace DigestBot.Benchmarks;

/// <summary><c>render-profile</c>: the commentary corpus through each stage of MarkdownToHtml / MarkdownToMrkdwn alone.</summary>
internal static class RenderProfile
{
    public static Task<int> RunAsync()
    {
        var corpus = new CorpusGenerator().Commentaries(CommentaryBenchmarks.Documents);
        var parsed = corpus.Select(d => Markdown.Parse(d, CommentaryMarkdown.Pipeline)).ToList();
        Stage("Markdig parse", () => corpus.Sum(d => Markdown.Parse(d, CommentaryMarkdown.Pipeline).Count));
        Stage("new TelegramHtmlRenderer", () => corpus.Sum(_ => new TelegramHtmlRenderer(TextWriter.Null).ObjectRenderers.Count));
        Stage("Telegram render (parsed)", () => parsed.Sum(p =>
        {
            var r = new TelegramHtmlRenderer(TextWriter.Null);
            r.Render(p);
            return r.Markup.Tokens.Count;
        }));
        Stage("Slack render (parsed)", () => parsed.Sum(p =>
        {
            var r = new SlackMrkdwnRenderer(TextWriter.Null);
            r.Render(p);
            return r.Markup.Tokens.Count;
        }));
        Stage("TelegramHtml.MarkdownToHtml", () => corpus.Sum(d => TelegramHtml.MarkdownToHtml(d).Length));
        Stage("SlackMrkdwn.MarkdownToMrkdwn", () => corpus.Sum(d => SlackMrkdwn.MarkdownToMrkdwn(d).Length));
        return Task.FromResult(0);
    }

    private static void Stage(string name, Func<int> pass)
    {
        pass();
        var times = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            var watch = Stopwatch.StartNew();
            GC.KeepAlive(pass());
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        Console.WriteLine($"{name,-32} {Percentiles.Of(times, 50),8:F1} ms per {CommentaryBenchmarks.Documents:N0} documents");
    }
}
