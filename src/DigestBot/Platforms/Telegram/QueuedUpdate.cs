using Telegram.Bot.Types;

namespace DigestBot.Platforms.Telegram;

/// <summary>An update stored and waiting in its chat's lane: the chat it belongs to, and whether a curator sent it (never dropped).</summary>
internal sealed record QueuedUpdate(Update Update, long Chat, bool FromCurator)
{
    public int Id => Update.Id;

    public string StoredId => Update.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
