using DigestBot.Storage;

namespace DigestBot.Tests.Storage;

public sealed class SearchRowsInBackgroundTests
{
    [Fact]
    public async Task Rows_come_out_in_insertion_order_as_the_index_text_of_each_note_with_the_words_of_all()
    {
        var first = NoteFactory.Paper("Video Segmentation at Scale", commentary: "비디오 분할 모델을 *다시* 봅니다.", @abstract: "Masks, tracked.");
        var second = NoteFactory.Paper("Café Routing", commentary: "sparse routing", @abstract: "언어모델 experts");
        var rows = new SearchRowsInBackground();

        rows.Add(42, first);
        rows.Add(7, second);
        var prepared = await rows.CompleteAsync();

        Assert.Equal([42L, 7L], prepared.Rows.Select(r => r.Id));
        Assert.Equal(SearchText.ForIndex(first.Commentary), prepared.Rows[0].Commentary);
        Assert.Equal(SearchText.ForIndex(second.Abstract), prepared.Rows[1].Abstract);
        Assert.Contains("언어 어모 모델", prepared.Rows[1].Abstract, StringComparison.Ordinal);
        var expected = new HashSet<string>(StringComparer.Ordinal);
        foreach (var note in new[] { first, second })
        {
            SearchText.AddWords(note.Title, expected);
            SearchText.AddWords(note.Abstract, expected);
            SearchText.AddWords(note.Commentary, expected);
        }

        Assert.Equal(expected.Order(StringComparer.Ordinal), prepared.Words.Order(StringComparer.Ordinal));
        Assert.Contains("cafe", prepared.Words);
        Assert.Contains("segmentation", prepared.Words);
    }

    [Fact]
    public async Task Nothing_added_prepares_nothing()
    {
        var prepared = await new SearchRowsInBackground().CompleteAsync();

        Assert.Empty(prepared.Rows);
        Assert.Empty(prepared.Words);
    }
}
