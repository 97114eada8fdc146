using DigestBot.Notes;

namespace DigestBot.Tests.Notes;

public sealed class ArxivIdTests
{
    [Theory]
    [InlineData("https://arxiv.org/abs/2408.00714", "2408.00714")]
    [InlineData("https://arxiv.org/abs/2408.00714v2", "2408.00714")]
    [InlineData("http://arxiv.org/abs/2408.00714v10", "2408.00714")]
    [InlineData("https://www.arxiv.org/abs/2408.00714", "2408.00714")]
    [InlineData("https://export.arxiv.org/abs/2408.00714v1", "2408.00714")]
    [InlineData("https://arxiv.org/pdf/2408.00714", "2408.00714")]
    [InlineData("https://arxiv.org/pdf/2408.00714v3", "2408.00714")]
    [InlineData("https://arxiv.org/pdf/2408.00714.pdf", "2408.00714")]
    [InlineData("https://arxiv.org/pdf/2408.00714v3.pdf", "2408.00714")]
    [InlineData("https://arxiv.org/html/2408.00714v1", "2408.00714")]
    [InlineData("https://arxiv.org/html/2408.00714", "2408.00714")]
    [InlineData("https://export.arxiv.org/pdf/2408.00714v1.pdf", "2408.00714")]
    [InlineData("https://huggingface.co/papers/2408.00714", "2408.00714")]
    [InlineData("https://www.huggingface.co/papers/2408.00714", "2408.00714")]
    [InlineData("https://hf.co/papers/2408.00714", "2408.00714")]
    [InlineData("https://alphaxiv.org/abs/2408.00714v2", "2408.00714")]
    [InlineData("https://www.alphaxiv.org/abs/2408.00714", "2408.00714")]
    [InlineData("https://ARXIV.org/abs/2408.00714/", "2408.00714")]
    [InlineData("https://arxiv.org/abs/2408.00714?context=cs#section", "2408.00714")]
    [InlineData("arxiv.org/abs/2408.00714", "2408.00714")]
    [InlineData("https://arxiv.org/abs/1706.03762", "1706.03762")]
    [InlineData("https://arxiv.org/abs/1412.6980v9", "1412.6980")]
    [InlineData("https://arxiv.org/abs/0704.0001", "0704.0001")]
    [InlineData("https://arxiv.org/abs/hep-th/9901001", "hep-th/9901001")]
    [InlineData("https://arxiv.org/abs/hep-th/9901001v2", "hep-th/9901001")]
    [InlineData("https://arxiv.org/pdf/hep-th/9901001v2.pdf", "hep-th/9901001")]
    [InlineData("https://arxiv.org/abs/math.GT/0309136", "math/0309136")]
    [InlineData("https://arxiv.org/abs/cond-mat/0011012", "cond-mat/0011012")]
    public void Recognises_every_link_form_and_drops_the_version(string url, string expected)
    {
        Assert.True(ArxivId.TryFromUrl(url, out var id), url);
        Assert.Equal(expected, id);
    }

    [Theory]
    [InlineData("https://ai.meta.com/blog/segment-anything-2")]
    [InlineData("https://github.com/facebookresearch/sam2")]
    [InlineData("https://example.org/abs/2408.00714")]
    [InlineData("https://arxiv.org/list/cs.LG/recent")]
    [InlineData("https://arxiv.org/abs/")]
    [InlineData("https://huggingface.co/meta-llama/Llama-3-8B")]
    [InlineData("https://huggingface.co/abs/2408.00714")]
    [InlineData("ftp://arxiv.org/abs/2408.00714")]
    [InlineData("https://arxiv.org/abs/2408.0071")]
    [InlineData("https://arxiv.org/abs/1412.69801")]
    [InlineData("https://arxiv.org/abs/2413.00714")]
    [InlineData("https://arxiv.org/abs/0612.0001")]
    [InlineData("https://arxiv.org/abs/foo-bar/9901001")]
    [InlineData("https://arxiv.org/abs/hep-th/9913001")]
    [InlineData("not a url at all")]
    [InlineData("")]
    public void Rejects_links_that_name_no_arxiv_paper(string url)
    {
        Assert.False(ArxivId.TryFromUrl(url, out var id), url);
        Assert.Equal("", id);
    }

    [Fact]
    public void Finds_ids_in_links_and_bare_text_in_order_without_repeats()
    {
        var text = """
            Self-rewarding처럼 (https://arxiv.org/abs/2401.10020) and arXiv:2305.18290v2, see hf.co/papers/2408.00714.
            Old ones: hep-th/9901001 and math.GT/0309136v1; again https://arxiv.org/pdf/2401.10020v1.pdf
            그리고 https://arxiv.org/abs/2106.09685처럼 붙여 쓴 링크도.
            """;

        Assert.Equal(
            ["2401.10020", "2305.18290", "2408.00714", "hep-th/9901001", "math/0309136", "2106.09685"],
            ArxivId.FindInText(text));
    }

    [Fact]
    public void Ignores_numbers_and_other_sites_links_that_merely_look_like_ids()
    {
        var text = "Version 2024.10000 of https://example.org/pdf/2408.00714 scored 3.7 and 1234.56789; " +
            "github.com/user/2408.00714 and 12408.00714 and 2408.007145 too.";

        Assert.Empty(ArxivId.FindInText(text));
    }

    [Fact]
    public void Abs_url_points_at_the_abstract_page()
    {
        Assert.Equal("https://arxiv.org/abs/2408.00714", ArxivId.AbsUrl("2408.00714"));
        Assert.Equal("https://arxiv.org/abs/hep-th/9901001", ArxivId.AbsUrl("hep-th/9901001"));
    }
}
