namespace DigestBot.Chat;

/// <summary>
/// A platform-neutral answer: a heading, plain lines, and a page of notes.
/// Each platform renders it with its own escaping; nothing here is markup.
/// </summary>
internal sealed record ChatReply(string Heading)
{
    public IReadOnlyList<string> Lines { get; init; } = [];

    public IReadOnlyList<NoteListing> Notes { get; init; } = [];

    /// <summary>1-based page shown, of <see cref="PageCount"/>; set when a lookup is paged.</summary>
    public int Page { get; init; } = 1;

    public int PageCount { get; init; } = 1;

    /// <summary>The command that shows another page when followed by a page number, e.g. <c>/tag llm</c>.</summary>
    public string? PageCommand { get; init; }

    /// <summary>
    /// Set on a curator's <c>/queue</c>: the <see cref="Storage.QueueListingVersion"/> of the queue listed, which its ▲ ▼ Next
    /// Withdraw buttons (<see cref="QueueControls"/>) carry; null on every other answer, which gets no such buttons.
    /// </summary>
    public string? QueueVersion { get; init; }

    /// <summary>Text to copy as it is (a note for <c>/edit</c>): Telegram shows it in <c>&lt;pre&gt;</c>, Slack as a code block.</summary>
    public string? Preformatted { get; init; }

    /// <summary>An edit waiting for the curator's choice: Update / Cancel buttons (the console: type update or cancel).</summary>
    public long? PendingEditId { get; init; }

    /// <summary>The lookup matched nothing (an unknown tag, a search without results).</summary>
    public bool NotFound { get; init; }

    /// <summary>
    /// The language the answer is in: the turn's (<see cref="ChatText.Language"/>) when it was made, so renderers, which
    /// run after the turn, write their own words (pages, buttons) in it too.
    /// </summary>
    public ChatLanguage Language { get; init; } = ChatText.Language;

    public static ChatReply Text(string heading, params string[] lines) => new(heading) { Lines = lines };
}
