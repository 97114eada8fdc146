using DigestBot.Chat;

namespace DigestBot.Tests.Chat;

public sealed class CuratorTextTests
{
    [Theory]
    [InlineData("https://arxiv.org/abs/2408.00714", "", "")]
    [InlineData("Look: https://arxiv.org/abs/2408.00714v2, 좋네요 #LLM #rl_hf", "Look: 좋네요", "llm rl-hf")]
    [InlineData("First line\n\n\n\nhttps://hf.co/papers/2408.00714\nsecond #Vision-Language line\n#dataset #scaling-law\n", "First line\n\nsecond #Vision-Language line", "vision-language dataset scaling-law")]
    [InlineData("See https://github.com/org/repo and https://arxiv.org/pdf/2408.00714.pdf.", "See https://github.com/org/repo and", "")]
    [InlineData("C# and #1 are not tags, &#39; neither", "C# and #1 are not tags, &#39; neither", "")]
    public void Commentary_loses_the_paper_link_and_trailing_tags(string text, string commentary, string tags)
    {
        var (actualCommentary, actualTags) = CuratorText.Split(text, dropPaperLinks: true);

        Assert.Equal(commentary, actualCommentary);
        Assert.Equal(tags, string.Join(' ', actualTags));
    }

    [Fact]
    public void Replies_keep_their_links()
    {
        var (commentary, _) = CuratorText.Split("Compare https://arxiv.org/abs/2401.10020", dropPaperLinks: false);

        Assert.Equal("Compare https://arxiv.org/abs/2401.10020", commentary);
    }
}
