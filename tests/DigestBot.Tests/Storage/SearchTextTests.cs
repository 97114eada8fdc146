using DigestBot.Storage;

namespace DigestBot.Tests.Storage;

/// <summary>What the search index holds for a text, and the FTS5 query a reader's words become.</summary>
public sealed class SearchTextTests
{
    [Theory]
    [InlineData("언어모델", "언어 어모 모델")]
    [InlineData("SAM 2가 나왔군요.", "SAM 2 가 나왔 왔군 군요 .")]
    [InlineData("비디오에 대한", "비디 디오 오에 대한")]
    [InlineData("GPT-4o의 성능(benchmark)", "GPT-4o 의 성능 (benchmark)")]
    [InlineData("東京タワー", "東京 京タ タワ ワー")]
    [InlineData("𠀀𠀁𠀂 x", "𠀀𠀁 𠀁𠀂 x")]
    public void Cjk_runs_become_overlapping_bigrams_and_other_text_stays(string text, string tokens)
    {
        Assert.Equal(tokens, Tokens(text));
    }

    [Fact]
    public void Latin_diacritics_are_removed_and_letters_without_them_kept()
    {
        string[] texts = ["naïve CAFÉ", "cafe\u0301 re\u0301sume\u0301", "Tiếng Việt ngữ", "Ångström의 모델", "Straße ø é"];

        Assert.Equal(["naive CAFE", "cafe resume", "Tieng Viet ngu", "Angstrom 의 모델", "Straße ø e"], texts.Select(Tokens));
    }

    [Fact]
    public void Text_without_cjk_or_diacritics_is_indexed_as_it_is()
    {
        const string text = "Segment Anything in Images and Videos — Straße, Ørsted, Ελληνικά, 4242";

        Assert.Same(text, SearchText.ForIndex(text));
    }

    [Theory]
    [InlineData("segment", "\"segment\"*")]
    [InlineData("비디오", "\"비디 디오\"")]
    [InlineData("모델", "\"모델\"")]
    [InlineData("모", "\"모\"*")]
    [InlineData("GPT-4o의", "\"GPT-4o 의\"*")]
    [InlineData("GPT-4o", "\"GPT-4o\"")]
    [InlineData("AI", "\"AI\"")]
    [InlineData("café", "\"cafe\"*")]
    [InlineData("Việt", "\"Viet\"*")]
    [InlineData("비디오  segmentation", "\"비디 디오\" AND \"segmentation\"*")]
    [InlineData("say \"NEAR(a b)\" OR", "\"say\"* AND \"\"\"NEAR(a\" AND \"b)\"\"\" AND \"OR\"")]
    [InlineData("segment, (video)", "\"segment,\"* AND \"(video)\"*")]
    public void Each_term_is_one_quoted_phrase_and_all_must_match(string words, string match)
    {
        Assert.Equal(match, SearchText.Match(words));
    }

    [Fact]
    public void Words_are_collected_as_the_index_folds_them_when_they_are_ascii()
    {
        var words = new HashSet<string>();

        SearchText.AddWords("Segment naïve CAFÉ, GPT-4o; 언어모델 Straße x", words);

        Assert.Equal(["4o", "cafe", "gpt", "naive", "segment", "x"], words.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_prefix_found_among_the_index_words_is_asked_for_word_by_word()
    {
        var few = new Dictionary<string, IReadOnlyList<string>> { ["seg"] = ["segment", "segmentation"], ["cafe"] = ["cafe"] };
        var many = new Dictionary<string, IReadOnlyList<string>> { ["seg"] = Enumerable.Range(0, SearchText.MaxExpansions + 1).Select(i => $"seg{i}").ToList() };
        var none = new Dictionary<string, IReadOnlyList<string>> { ["seg"] = [] };

        Assert.Equal(["seg", "cafe"], SearchText.PrefixesOf("Video-Seg 비디오 AI Café seg"));
        Assert.Equal("(\"Video-segment\" OR \"Video-segmentation\") AND (\"cafe\") AND \"AI\"", SearchText.Match("Video-Seg Café AI", few));
        Assert.Equal("\"seg\"*", SearchText.Match("seg", many));
        Assert.Equal("\"seg\"*", SearchText.Match("seg", none));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("%% -- \"")]
    public void Words_without_letters_or_digits_make_no_query(string words)
    {
        Assert.Null(SearchText.Match(words));
    }

    private static string Tokens(string text) => string.Join(' ', SearchText.ForIndex(text).Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
