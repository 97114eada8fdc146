using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DigestBot.Chat;

/// <summary>
/// Every sentence DigestBot says to people in chat, looked up by a <see cref="ChatTextKey"/> in English
/// (<c>ChatText.resx</c>, the neutral resources) or Korean (<c>ChatText.ko.resx</c>, the <c>ko</c> satellite, which the
/// native build compiles in). A text with arguments is a composite format (<c>{0}</c>), filled in with the invariant culture.
/// </summary>
/// <remarks>
/// The language of a turn is ambient (<see cref="Language"/>, flowing with the async call like CurrentUICulture), so the
/// conversation's code names only the sentence and keeps its signatures; a <see cref="ChatReply"/> takes the language it
/// was made in, and renderers, which run after the turn, pass it explicitly. Static, since the texts are as constant as
/// the literals they replace and static renderers use them too.
/// </remarks>
internal static class ChatText
{
    private static readonly AsyncLocal<ChatLanguage> Current = new();

    private static readonly IStringLocalizer Localizer =
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance).Create(typeof(ChatText));

    /// <summary>The language of the turn under way in this async flow; English outside one.</summary>
    public static ChatLanguage Language
    {
        get => Current.Value;
        set => Current.Value = value;
    }

    public static string Get(string key) => Get(Language, key);

    public static string Get(ChatLanguage language, string key)
    {
        // The localizer reads the UI culture; set only around the lookup, so nothing else the thread does changes language.
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = language.Culture();
        try
        {
            return Localizer[key].Value;
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    public static string Format(string key, params object?[] args) => Format(Language, key, args);

    public static string Format(ChatLanguage language, string key, params object?[] args) =>
        string.Format(CultureInfo.InvariantCulture, Get(language, key), args);

    /// <summary>"1 note" or "3 notes": <paramref name="oneKey"/> for one, <paramref name="manyKey"/> (with <c>{0}</c>) otherwise.</summary>
    public static string Count(int n, string oneKey, string manyKey) => n == 1 ? Get(oneKey) : Format(manyKey, n);
}
