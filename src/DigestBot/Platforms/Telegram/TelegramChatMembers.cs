using System.Globalization;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace DigestBot.Platforms.Telegram;

/// <summary>
/// A user's status in a chat (<c>getChatMember</c>), remembered for <see cref="Remembered"/> so that a busy group does
/// not ask Telegram for every command. At most <paramref name="capacity"/> answers are kept, the oldest forgotten first,
/// so a crowd of strangers cannot grow it; failures are never remembered, so the next command asks again.
/// </summary>
internal sealed class TelegramChatMembers(TelegramApiClient api, TimeProvider time, int capacity = TelegramChatMembers.MaxRemembered)
{
    public static readonly TimeSpan Remembered = TimeSpan.FromMinutes(5);

    public const int MaxRemembered = 10_000;

    private readonly Lock _lock = new();
    private readonly Dictionary<(string Chat, long User), (ChatMemberStatus? Status, DateTimeOffset At)> _known = [];
    // Answers in the order they came, to forget the oldest; an entry whose key was answered again since is skipped.
    private readonly Queue<((string Chat, long User) Key, DateTimeOffset At)> _order = new();

    /// <summary>How many answers are remembered now.</summary>
    public int Count
    {
        get { lock (_lock) { return _known.Count; } }
    }

    /// <returns>
    /// The user's status, <see cref="ChatMemberStatus.Restricted"/> only for a restricted user who is still a member;
    /// null when Telegram does not know the user in that chat.
    /// </returns>
    /// <exception cref="TelegramApiException">Telegram could not answer; nothing is remembered.</exception>
    public async Task<ChatMemberStatus?> StatusAsync(string chat, long userId, CancellationToken ct)
    {
        var key = (chat, userId);
        var now = time.GetUtcNow();
        lock (_lock)
        {
            if (_known.TryGetValue(key, out var known) && now - known.At < Remembered)
            {
                return known.Status;
            }
        }

        var status = await AskAsync(chat, userId, ct);
        Remember(key, status, time.GetUtcNow());
        return status;
    }

    private async Task<ChatMemberStatus?> AskAsync(string chat, long userId, CancellationToken ct)
    {
        try
        {
            var member = await api.GetChatMemberAsync(ChatIdOf(chat), userId, ct);
            return member is ChatMemberRestricted { IsMember: false } ? ChatMemberStatus.Left : member.Status;
        }
        catch (TelegramApiException ex) when (ex.ErrorCode == 400 && IsUnknownUser(ex.PlatformWords))
        {
            return null;
        }
    }

    private void Remember((string Chat, long User) key, ChatMemberStatus? status, DateTimeOffset now)
    {
        lock (_lock)
        {
            while (_order.TryPeek(out var oldest) && (now - oldest.At >= Remembered || _known.Count >= capacity))
            {
                _order.Dequeue();
                if (_known.TryGetValue(oldest.Key, out var entry) && entry.At == oldest.At)
                {
                    _known.Remove(oldest.Key);
                }
            }

            _known[key] = (status, now);
            _order.Enqueue((key, now));
        }
    }

    private static ChatId ChatIdOf(string chat) =>
        long.TryParse(chat, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id) ? new ChatId(id) : new ChatId(chat);

    // Telegram's words for a user who never was in the chat (or does not exist): an answer, not a failure.
    private static bool IsUnknownUser(string words) =>
        words.Contains("user not found", StringComparison.OrdinalIgnoreCase)
        || words.Contains("participant_id_invalid", StringComparison.OrdinalIgnoreCase)
        || words.Contains("user_id_invalid", StringComparison.OrdinalIgnoreCase);
}
