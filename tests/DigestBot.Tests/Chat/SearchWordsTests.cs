using DigestBot.Chat;

namespace DigestBot.Tests.Chat;

public sealed class SearchWordsTests
{
    [Fact]
    public void Sixteen_different_words_are_kept_and_the_seventeenth_is_left_out()
    {
        var words = string.Join(' ', Enumerable.Range(1, 17).Select(i => $"w{i}"));

        var (kept, shortened) = SearchWords.Cap(words);

        Assert.Equal(string.Join(' ', Enumerable.Range(1, 16).Select(i => $"w{i}")), kept);
        Assert.True(shortened);
    }

    [Fact]
    public void A_repeated_word_counts_once_in_any_case_and_is_no_shortening()
    {
        var words = "모델 Model 모델 " + string.Join(' ', Enumerable.Range(1, 14).Select(i => $"w{i}")) + " model MODEL";

        var (kept, shortened) = SearchWords.Cap(words);

        Assert.Equal(16, kept.Split(' ').Length);
        Assert.StartsWith("모델 Model w1 ", kept);
        Assert.False(shortened);
    }

    [Fact]
    public void Words_past_256_characters_are_left_out_whole_and_a_single_long_word_is_cut_between_characters()
    {
        var fits = new string('가', 200) + " " + new string('b', 55);
        var overLimit = SearchWords.Cap(fits + " cc");
        var emoji = SearchWords.Cap(new string('a', 255) + "😀" + "tail");

        Assert.Equal((fits, true), overLimit);
        Assert.Equal(256, fits.Length);
        Assert.Equal((new string('a', 255), true), emoji);
    }
}
