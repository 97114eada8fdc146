using System.Text.Json;
using DigestBot.Formatting;
using DigestBot.Formatting.Telegram;
using DigestBot.Notes;

namespace DigestBot.Tests.Formatting;

public sealed class TelegramPreviewTests
{
    [Fact]
    public void A_note_with_an_arXiv_id_previews_the_abstract_page_not_its_pdf_nor_the_commentary_link()
    {
        var note = new Note
        {
            Title = "SAM 2",
            Links = ["https://arxiv.org/pdf/2408.00714v2", "https://ai.meta.com/blog/segment-anything-2"],
            ArxivId = "2408.00714",
            Commentary = "[데모](https://sam2.metademolab.com)를 먼저 보세요.",
        };

        var part = Assert.Single(new TelegramNoteRenderer().Render(note));
        using var payload = JsonDocument.Parse(RenderPayloads.TelegramJsonLines(note, "@channel").Single());

        Assert.Equal("https://arxiv.org/abs/2408.00714", part.PreviewUrl);
        Assert.Equal("https://arxiv.org/abs/2408.00714", payload.RootElement.GetProperty("link_preview_options").GetProperty("url").GetString());
    }

    [Fact]
    public void A_note_without_an_arXiv_id_previews_its_paper_link()
    {
        var note = new Note { Title = "SAM 2", Links = ["https://ai.meta.com/blog/segment-anything-2"], Commentary = "https://example.com/other" };

        Assert.Equal("https://ai.meta.com/blog/segment-anything-2", new TelegramNoteRenderer().Render(note)[0].PreviewUrl);
    }

    [Fact]
    public void A_note_without_a_paper_link_previews_nothing_rather_than_a_link_in_its_commentary()
    {
        var note = new Note { Title = "ByteCheckpoint", Commentary = "비교: https://example.com/other" };

        using var payload = JsonDocument.Parse(RenderPayloads.TelegramJsonLines(note, "@channel").Single());

        Assert.Null(new TelegramNoteRenderer().Render(note)[0].PreviewUrl);
        Assert.True(payload.RootElement.GetProperty("link_preview_options").GetProperty("is_disabled").GetBoolean());
    }
}
