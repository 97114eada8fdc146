using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Resources;
using DigestBot.Chat;

namespace DigestBot.Tests.Chat;

/// <summary>Every sentence exists in English and Korean, and every name the code looks up is in both.</summary>
public sealed class ChatTextTests
{
    private static readonly ResourceManager Resources = new("DigestBot.Chat.ChatText", typeof(ChatText).Assembly);

    private static SortedSet<string> Keys(CultureInfo culture) =>
        [.. Resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false)!.Cast<DictionaryEntry>().Select(e => (string)e.Key)];

    /// <summary>The names the code uses: the constants of <see cref="ChatTextKey"/> and the command catalog's three per command.</summary>
    private static IEnumerable<string> UsedKeys() =>
        typeof(ChatTextKey).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!)
            .Concat(ChatCommandCatalog.All.SelectMany(c => new[]
            {
                ChatTextKey.CommandArguments(c.Name), ChatTextKey.CommandSummary(c.Name), ChatTextKey.CommandHelp(c.Name),
            }));

    [Fact]
    public void English_and_Korean_hold_the_same_names()
    {
        var english = Keys(CultureInfo.InvariantCulture);
        var korean = Keys(CultureInfo.GetCultureInfo("ko"));

        Assert.NotEmpty(english);
        Assert.Empty(english.Except(korean));
        Assert.Empty(korean.Except(english));
    }

    [Fact]
    public void Every_name_the_code_looks_up_is_in_both_languages()
    {
        var english = Keys(CultureInfo.InvariantCulture);
        var korean = Keys(CultureInfo.GetCultureInfo("ko"));

        Assert.All(UsedKeys(), key =>
        {
            Assert.Contains(key, english);
            Assert.Contains(key, korean);
        });
    }

    [Fact]
    public void A_text_has_the_same_arguments_in_both_languages()
    {
        Assert.All(UsedKeys(), key =>
            Assert.Equal(Placeholders(ChatText.Get(ChatLanguage.English, key)), Placeholders(ChatText.Get(ChatLanguage.Korean, key))));
    }

    [Fact]
    public void Korean_sentences_are_Korean_and_English_ones_are_unchanged()
    {
        Assert.Equal("No notes are tagged {0}.", ChatText.Get(ChatLanguage.English, ChatTextKey.TagNotFound));
        Assert.Equal("{0} 태그가 붙은 노트가 없어요.", ChatText.Get(ChatLanguage.Korean, ChatTextKey.TagNotFound));
        Assert.Equal("노트 3개", ChatText.Format(ChatLanguage.Korean, ChatTextKey.ManyNotes, 3));
    }

    [Fact]
    public async Task The_language_of_a_turn_does_not_leak_to_its_caller()
    {
        async Task<string> Turn()
        {
            ChatText.Language = ChatLanguage.Korean;
            await Task.Yield();
            return ChatText.Get(ChatTextKey.QueueEmpty);
        }

        var inside = await Turn();

        Assert.Equal("대기열이 비어 있어요.", inside);
        Assert.Equal(ChatLanguage.English, ChatText.Language);
        Assert.Equal("The queue is empty.", ChatText.Get(ChatTextKey.QueueEmpty));
    }

    [Theory]
    [InlineData("ko", true)]
    [InlineData("ko-KR", true)]
    [InlineData("KO", true)]
    [InlineData("en", false)]
    [InlineData("kok", false)]
    [InlineData("ja", false)]
    [InlineData(null, false)]
    public void Telegram_language_codes_choose_Korean_only_for_ko(string? code, bool korean) =>
        Assert.Equal(korean ? ChatLanguage.Korean : ChatLanguage.English, ChatLanguages.FromLanguageCode(code));

    private static string[] Placeholders(string text) =>
        [.. System.Text.RegularExpressions.Regex.Matches(text, @"\{\d+\}").Select(m => m.Value).Distinct().Order(StringComparer.Ordinal)];
}
