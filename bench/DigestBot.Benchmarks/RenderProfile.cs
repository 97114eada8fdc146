using System.Diagnostics;
using DigestBot.Formatting;
using DigestBot.Formatting.Slack;
using DigestBot.Formatting.Slack.Renderers;
using DigestBot.Formatting.Telegram;
using DigestBot.Formatting.Telegram.Renderers;
using Markdig;

namespace DigestBot.Benchmarks;

/// <summary>
/// <c>render-profile</c>: the commentary corpus through each stage of MarkdownToHtml / MarkdownToMrkdwn alone.
/// Each stage shows the fastest of its passes in wall time and in this process's CPU time, which other
/// processes on a shared machine disturb less.
/// </summary>
internal static class RenderProfile
{
    private const int Passes = 9;

    public static Task<int> RunAsync()
    {
        var corpus = new CorpusGenerator().Commentaries(CommentaryBenchmarks.Documents);
        var parsed = corpus.Select(d => Markdown.Parse(d, CommentaryMarkdown.Pipeline)).ToList();
        var commonMark = new MarkdownPipelineBuilder().Build();
        var telegram = new TelegramHtmlRenderer();
        var slack = new SlackMrkdwnRenderer();
        var telegramTokens = corpus.Select(d => TelegramHtml.MarkdownToTokens(d).ToList()).ToList();
        Stage("Markdig parse, all extensions", () => corpus.Sum(d => Markdown.Parse(d, CommentaryMarkdown.Pipeline).Count));
        Stage("CommentaryMarkdown.Parse", () => corpus.Sum(d => CommentaryMarkdown.Parse(d).Count));
        Stage("Markdig parse, CommonMark alone", () => corpus.Sum(d => Markdown.Parse(d, commonMark).Count));
        Stage("new TelegramHtmlRenderer", () => corpus.Sum(_ => new TelegramHtmlRenderer().ObjectRenderers.Count));
        Stage("Telegram render (parsed)", () => parsed.Sum(p => Rendered(telegram, p)));
        Stage("Slack render (parsed)", () => parsed.Sum(p => Rendered(slack, p)));
        Stage("Telegram serialize (rendered)", () => telegramTokens.Sum(t => MarkupPacker.Serialize(t, TelegramHtml.Escape).Length));
        Stage("TelegramHtml.MarkdownToHtml", () => corpus.Sum(d => TelegramHtml.MarkdownToHtml(d).Length));
        Stage("SlackMrkdwn.MarkdownToMrkdwn", () => corpus.Sum(d => SlackMrkdwn.MarkdownToMrkdwn(d).Length));
        return Task.FromResult(0);
    }

    private static int Rendered(Markdig.Renderers.TextRendererBase<Formatting.Renderers.MarkupRenderer> renderer, Markdig.Syntax.MarkdownDocument document)
    {
        var markup = ((Formatting.Renderers.MarkupRenderer)renderer).Markup;
        markup.Clear();
        renderer.Render(document);
        return markup.Tokens.Count;
    }

    private static void Stage(string name, Func<int> pass)
    {
        pass();
        var wall = double.MaxValue;
        var cpu = double.MaxValue;
        var process = Process.GetCurrentProcess();
        for (var i = 0; i < Passes; i++)
        {
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            GC.KeepAlive(pass());
            wall = Math.Min(wall, watch.Elapsed.TotalMilliseconds);
            process.Refresh();
            cpu = Math.Min(cpu, (process.TotalProcessorTime - cpuBefore).TotalMilliseconds);
        }

        Console.WriteLine($"{name,-34} {wall,8:F1} ms wall {cpu,8:F1} ms CPU per {CommentaryBenchmarks.Documents:N0} documents");
    }
}
