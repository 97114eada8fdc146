namespace DigestBot.Chat;

/// <summary>
/// The names stored for each platform (subscriptions, confirmations, handled updates, destination keys):
/// <c>telegram</c>, <c>slack</c>, <c>console</c>. Existing databases hold them, so they never change.
/// </summary>
internal static class ChatPlatformNames
{
    public static string Name(this ChatPlatform platform) => platform switch
    {
        ChatPlatform.Telegram => "telegram",
        ChatPlatform.Slack => "slack",
        ChatPlatform.Console => "console",
        _ => throw new ArgumentOutOfRangeException(nameof(platform), platform, "Not a chat platform."),
    };

    public static bool TryParse(string? name, out ChatPlatform platform)
    {
        foreach (var candidate in Enum.GetValues<ChatPlatform>())
        {
            if (string.Equals(candidate.Name(), name, StringComparison.Ordinal))
            {
                platform = candidate;
                return true;
            }
        }

        platform = default;
        return false;
    }
}
