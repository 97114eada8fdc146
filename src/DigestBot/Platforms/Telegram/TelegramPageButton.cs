using System.Globalization;
using System.Text;

namespace DigestBot.Platforms.Telegram;

/// <summary>
/// The <c>callback_data</c> of a page button: <c>p|t|&lt;tag&gt;|&lt;page&gt;</c> or <c>p|s|&lt;words&gt;|&lt;page&gt;</c>,
/// at most 64 bytes as Telegram requires.
/// </summary>
internal sealed record TelegramPageButton(string Kind, string Argument, int Page)
{
    public const int MaxBytes = 64;

    /// <summary>From a <see cref="Chat.ChatReply.PageCommand"/> such as <c>/tag llm</c>; null when it does not fit in 64 bytes.</summary>
    public static string? Data(string pageCommand, int page)
    {
        var kind = pageCommand.StartsWith("/tag ", StringComparison.Ordinal) ? "t"
            : pageCommand.StartsWith("/search ", StringComparison.Ordinal) ? "s"
            : null;
        if (kind is null)
        {
            return null;
        }

        var argument = pageCommand[(pageCommand.IndexOf(' ') + 1)..];
        var data = string.Create(CultureInfo.InvariantCulture, $"p|{kind}|{argument}|{page}");
        return Encoding.UTF8.GetByteCount(data) <= MaxBytes ? data : null;
    }

    /// <summary>The command that shows the page: <c>/tag llm 2</c>.</summary>
    public string Command() =>
        string.Create(CultureInfo.InvariantCulture, $"/{(Kind == "t" ? "tag" : "search")} {Argument} {Page}");

    public static TelegramPageButton? Parse(string? data)
    {
        if (data is null || !data.StartsWith("p|", StringComparison.Ordinal))
        {
            return null;
        }

        var kindEnd = data.IndexOf('|', 2);
        var pageStart = data.LastIndexOf('|');
        if (kindEnd < 0 || pageStart <= kindEnd
            || !int.TryParse(data.AsSpan(pageStart + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var page))
        {
            return null;
        }

        var kind = data[2..kindEnd];
        return kind is "t" or "s" ? new TelegramPageButton(kind, data[(kindEnd + 1)..pageStart], page) : null;
    }
}
