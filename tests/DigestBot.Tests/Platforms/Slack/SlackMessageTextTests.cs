using DigestBot.Platforms.Slack;

namespace DigestBot.Tests.Platforms.Slack;

public sealed class SlackMessageTextTests
{
    [Fact]
    public void A_mention_with_a_labelled_link_commentary_and_tags_reads_as_typed()
    {
        var parsed = SlackMessageText.Parse("<@UDIGESTBOT> <https://arxiv.org/abs/2408.00714|arxiv.org/abs/2408.00714>\nSAM 2 &amp; video &lt;3\n#video-segmentation");

        Assert.Equal("https://arxiv.org/abs/2408.00714\nSAM 2 & video <3\n#video-segmentation", parsed.Text);
        Assert.Equal(["https://arxiv.org/abs/2408.00714"], parsed.Links);
    }

    [Fact]
    public void Escaped_query_strings_in_links_are_decoded_and_channel_links_become_hashtags()
    {
        var parsed = SlackMessageText.Parse("look <https://huggingface.co/papers/2408.00714?a=1&amp;b=2> in <#C0123|papers> <!here>");

        Assert.Equal(["https://huggingface.co/papers/2408.00714?a=1&b=2"], parsed.Links);
        Assert.Equal("look https://huggingface.co/papers/2408.00714?a=1&b=2 in #papers", parsed.Text);
    }

    [Fact]
    public void Mail_links_are_not_paper_links()
    {
        var parsed = SlackMessageText.Parse("<mailto:a@b.c|a@b.c> hi");

        Assert.Empty(parsed.Links);
        Assert.Equal("a@b.c hi", parsed.Text);
    }
}
