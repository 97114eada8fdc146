using System.Text;
using DigestBot.Formatting.Renderers;
using Markdig.Syntax;
using DigestBot.Formatting.Slack.Renderers;

namespace DigestBot.Formatting.Slack;

/// <summary>The one place that knows how Slack's mrkdwn escapes text.</summary>
internal static class SlackMrkdwn
{
    /// <summary>Breaks <c>@channel</c>, <c>@here</c> and <c>@everyone</c> without changing what a reader sees.</summary>
    public const char MentionBreaker = '\u2060';

    private static readonly string[] Broadcasts = ["channel", "here", "everyone"];

    [ThreadStatic]
    private static SlackMrkdwnRenderer? t_renderer;

    /// <summary>
    /// Slack asks for only <c>&amp; &lt; &gt;</c> to be escaped; that alone keeps <c>&lt;!channel&gt;</c>,
    /// <c>&lt;@U123&gt;</c> and <c>&lt;url|text&gt;</c> from being read as markup. The broadcast words are
    /// also broken with a word joiner, because some clients and apps ping on <c>@channel</c> as typed.
    /// </summary>
    public static string Escape(string text)
    {
        if (text.AsSpan().IndexOfAny("<>&@") < 0)
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '<': escaped.Append("&lt;"); break;
                case '>': escaped.Append("&gt;"); break;
                case '&': escaped.Append("&amp;"); break;
                case '@':
                    escaped.Append(c);
                    if (IsBroadcast(text.AsSpan(i + 1)))
                    {
                        escaped.Append(MentionBreaker);
                    }

                    break;
                default: escaped.Append(c); break;
            }
        }

        return escaped.ToString();
    }

    /// <summary>
    /// Only the broadcast words broken, for text Slack reads no markup in (rich text): a note's <c>@channel</c> is
    /// shown as typed but pings nobody, even in clients that ping on the word.
    /// </summary>
    public static string BreakBroadcasts(string text)
    {
        if (!text.Contains('@', StringComparison.Ordinal))
        {
            return text;
        }

        var broken = new StringBuilder(text.Length + 4);
        for (var i = 0; i < text.Length; i++)
        {
            broken.Append(text[i]);
            if (text[i] == '@' && IsBroadcast(text.AsSpan(i + 1)))
            {
                broken.Append(MentionBreaker);
            }
        }

        return broken.ToString();
    }

    private static bool IsBroadcast(ReadOnlySpan<char> afterAt)
    {
        foreach (var word in Broadcasts)
        {
            if (afterAt.StartsWith(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The URL half of <c>&lt;url|text&gt;</c>: a <c>|</c> or <c>&gt;</c> in it would end it early.</summary>
    public static string LinkTarget(string url) =>
        Escape(url.Replace("|", "%7C", StringComparison.Ordinal));

    /// <summary>Commentary (or a chat answer) as mrkdwn, without any length limit applied.</summary>
    public static string MarkdownToMrkdwn(string markdown) => MarkupPacker.Serialize(MarkdownToTokens(markdown), Escape);

    /// <summary>Commentary as tokens, from this thread's renderer: valid until the thread's next call.</summary>
    public static IReadOnlyList<MarkupToken> MarkdownToTokens(string markdown) => MarkdownToTokens(CommentaryMarkdown.Parse(markdown));

    /// <summary>Commentary already parsed by <see cref="CommentaryMarkdown.Parse"/>, as tokens from this thread's renderer.</summary>
    public static IReadOnlyList<MarkupToken> MarkdownToTokens(MarkdownDocument commentary) =>
        MarkupRenderer.RenderReused(ref t_renderer, static () => new SlackMrkdwnRenderer(), commentary);
}
