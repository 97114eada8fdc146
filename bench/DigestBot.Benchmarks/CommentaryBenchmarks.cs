using BenchmarkDotNet.Attributes;
using DigestBot.Formatting.Slack;
using DigestBot.Formatting.Slack.RichText;
using DigestBot.Formatting.Telegram;

namespace DigestBot.Benchmarks;

/// <summary>The converter comparison's corpus (commentary Markdown alone) through DigestBot's Markdown renderers.</summary>
[Config(typeof(BenchConfig))]
public class CommentaryBenchmarks
{
    public const int Documents = 10_000;

    private IReadOnlyList<string> documents = [];

    [GlobalSetup]
    public void GenerateCorpus() => documents = new CorpusGenerator().Commentaries(Documents);

    [Benchmark]
    public int TelegramHtml10000Documents()
    {
        var length = 0;
        foreach (var document in documents)
        {
            length += TelegramHtml.MarkdownToHtml(document).Length;
        }

        return length;
    }

    [Benchmark]
    public int SlackMrkdwn10000Documents()
    {
        var length = 0;
        foreach (var document in documents)
        {
            length += SlackMrkdwn.MarkdownToMrkdwn(document).Length;
        }

        return length;
    }

    /// <summary>The Slack commentary of a note since rich text: blocks built, not serialized.</summary>
    [Benchmark]
    public int SlackRichText10000Documents()
    {
        var blocks = 0;
        foreach (var document in documents)
        {
            blocks += SlackRichText.Blocks(SlackRichText.MarkdownToTokens(document)).Count;
        }

        return blocks;
    }
}
