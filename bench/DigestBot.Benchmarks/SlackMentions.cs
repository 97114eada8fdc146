using System.Text.RegularExpressions;

namespace DigestBot.Benchmarks;

/// <summary>
/// Mentions a converter let through from the Markdown into Slack mrkdwn: <c>&lt;!channel&gt;</c>, <c>&lt;!here&gt;</c>,
/// <c>&lt;!everyone&gt;</c>, <c>&lt;!subteam^…&gt;</c> and <c>&lt;@U…&gt;</c> notify people when posted; an escaped
/// <c>&amp;lt;!channel&amp;gt;</c> does not. Typed <c>@here</c> without the brackets is counted apart: Slack only
/// turns it into a mention with <c>link_names</c>, which DigestBot never sets, and DigestBot breaks it anyway.
/// </summary>
internal static partial class SlackMentions
{
    [GeneratedRegex(@"<(?:!(?:channel|here|everyone|subteam\^[A-Z0-9]+)|@[UW][A-Z0-9]+)(?:\|[^>]*)?>", RegexOptions.IgnoreCase)]
    private static partial Regex Injected();

    [GeneratedRegex(@"@(?:channel|here|everyone)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Typed();

    public static bool HasInjection(string mrkdwn) => Injected().IsMatch(mrkdwn);

    /// <summary>Where the first injected mention starts, or -1.</summary>
    public static int FirstInjection(string mrkdwn) => Injected().Match(mrkdwn) is { Success: true } m ? m.Index : -1;

    public static bool HasTypedBroadcast(string mrkdwn) => Typed().IsMatch(mrkdwn);

    /// <summary>Rich text pings only through its mention elements; <c>&lt;!channel&gt;</c> in a text element is text.</summary>
    [GeneratedRegex(@"""type"":""(?:broadcast|user|usergroup|channel)""")]
    private static partial Regex RichTextMention();

    public static bool HasRichTextMention(string json) => RichTextMention().IsMatch(json);
}
