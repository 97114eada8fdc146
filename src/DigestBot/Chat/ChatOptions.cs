namespace DigestBot.Chat;

/// <summary>The <c>Chat</c> section.</summary>
internal sealed class ChatOptions
{
    public const string Section = "Chat";

    /// <summary>
    /// What Slack and the console answer in, and the web archive's language: <c>en</c> or <c>ko</c>. Telegram answers
    /// each sender in their own app's language instead.
    /// </summary>
    public string Language { get; set; } = "en";

    public ChatLanguage ParsedLanguage => ChatLanguages.TryParseSetting(Language, out var language) ? language : ChatLanguage.English;
}
