using System.Globalization;

namespace DigestBot.Chat;

/// <summary>How a platform's or a setting's language name becomes a <see cref="ChatLanguage"/>.</summary>
internal static class ChatLanguages
{
    private static readonly CultureInfo Korean = CultureInfo.GetCultureInfo("ko");

    /// <summary>Telegram's <c>language_code</c> (an IETF tag): <c>ko</c> and <c>ko-KR</c> are Korean, anything else English.</summary>
    public static ChatLanguage FromLanguageCode(string? code) =>
        code is not null && (code.Equals("ko", StringComparison.OrdinalIgnoreCase) || code.StartsWith("ko-", StringComparison.OrdinalIgnoreCase))
            ? ChatLanguage.Korean
            : ChatLanguage.English;

    /// <summary>A <c>Chat:Language</c> setting: <c>en</c> (also when unset) or <c>ko</c>; false for a language not provided.</summary>
    public static bool TryParseSetting(string? value, out ChatLanguage language)
    {
        switch (value?.Trim().ToLowerInvariant() ?? "")
        {
            case "" or "en" or "en-us" or "en-gb":
                language = ChatLanguage.English;
                return true;
            case "ko" or "ko-kr":
                language = ChatLanguage.Korean;
                return true;
            default:
                language = ChatLanguage.English;
                return false;
        }
    }

    /// <summary>The culture whose resources hold the language's texts: the invariant (neutral, English) one or <c>ko</c>.</summary>
    public static CultureInfo Culture(this ChatLanguage language) =>
        language == ChatLanguage.Korean ? Korean : CultureInfo.InvariantCulture;
}
