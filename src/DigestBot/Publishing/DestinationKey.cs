using System.Diagnostics.CodeAnalysis;

namespace DigestBot.Publishing;

/// <summary>
/// Where a delivery goes, as stored in every delivery record: <c>console</c>; a configured channel
/// <c>telegram:@ch</c>, <c>telegram:-100…</c>, <c>slack:C…</c>; a subscribed chat <c>telegram:chat:-100…</c>,
/// <c>slack:chat:C…</c>. Existing databases hold these strings, so <see cref="ToString"/> gives them back unchanged.
/// </summary>
internal readonly record struct DestinationKey(string Platform, bool IsSubscriber, string Id)
{
    public const string Telegram = "telegram";
    public const string Slack = "slack";
    public const string Console = "console";

    private const string SubscriberMark = "chat:";

    public static DestinationKey ConsoleKey => new(Console, false, "");

    public static DestinationKey Channel(string platform, string id) => new(platform, false, id);

    public static DestinationKey Subscriber(string platform, string chatId) => new(platform, true, chatId);

    /// <summary>Whether this is the channel configured for <paramref name="platform"/> (not a subscriber's copy).</summary>
    public bool IsChannelOf(string platform) => !IsSubscriber && string.Equals(Platform, platform, StringComparison.Ordinal);

    public static DestinationKey Parse(string stored) =>
        TryParse(stored, out var key) ? key : throw new FormatException($"'{stored}' is not a destination key such as telegram:@channel or slack:chat:C123.");

    public static bool TryParse(string? stored, out DestinationKey key)
    {
        key = default;
        if (string.Equals(stored, Console, StringComparison.Ordinal))
        {
            key = ConsoleKey;
            return true;
        }

        if (!TrySplit(stored, out var platform, out var rest))
        {
            return false;
        }

        key = rest.StartsWith(SubscriberMark, StringComparison.Ordinal) && rest.Length > SubscriberMark.Length
            ? Subscriber(platform, rest[SubscriberMark.Length..])
            : Channel(platform, rest);
        return true;
    }

    public override string ToString() =>
        Platform == Console && Id.Length == 0 ? Console
        : IsSubscriber ? $"{Platform}:{SubscriberMark}{Id}"
        : $"{Platform}:{Id}";

    private static bool TrySplit(string? stored, [NotNullWhen(true)] out string? platform, [NotNullWhen(true)] out string? rest)
    {
        var colon = stored?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        platform = colon > 0 ? stored![..colon] : null;
        rest = colon > 0 && colon < stored!.Length - 1 ? stored[(colon + 1)..] : null;
        return platform is not null && rest is not null;
    }
}
