using Microsoft.Extensions.Options;

namespace DigestBot.Chat;

/// <summary>
/// Per-sender and per-chat limits on commands, so that nobody can keep the bot busy for everyone else. Windows are
/// fixed slices of the injected clock (a new one starts every <see cref="ChatLimitsOptions.Window"/>): one division
/// tells which window a command falls in, an old bucket can simply be forgotten, and a fake clock moves them in tests.
/// Curators are never limited.
/// </summary>
internal sealed class ChatLimits : IDisposable
{
    private readonly ChatLimitsOptions options;
    private readonly TimeProvider time;
    private readonly Lock gate = new();
    private readonly ChatLimitBuckets users;
    private readonly ChatLimitBuckets chats;

    public ChatLimits(IOptions<ChatLimitsOptions> options, TimeProvider time)
    {
        this.options = options.Value;
        this.time = time;
        users = new ChatLimitBuckets(this.options.PerUser, this.options.Window, this.options.Tracked);
        chats = new ChatLimitBuckets(this.options.PerChat, this.options.Window, this.options.Tracked);
    }

    public TimeSpan Window => options.Window;

    /// <summary>Senders and chats remembered now, for tests that check memory stays bounded.</summary>
    public int Tracked
    {
        get { lock (gate) { return users.Count + chats.Count; } }
    }

    public ChatLimitVerdict Check(ChatMessage message)
    {
        if (message.FromCurator)
        {
            return ChatLimitVerdict.Allowed;
        }

        var window = time.GetUtcNow().UtcTicks / options.Window.Ticks;
        var platform = message.Platform.Name();
        lock (gate)
        {
            var user = users.Take(platform + ":" + message.UserId, window);
            // In a private chat the chat is the sender: one allowance is enough.
            return user != ChatLimitVerdict.Allowed || message.Kind == ChatKind.Private
                ? user
                : chats.Take(platform + ":" + message.ChatId, window);
        }
    }

    public void Dispose()
    {
        users.Dispose();
        chats.Dispose();
    }
}
