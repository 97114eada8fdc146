namespace DigestBot.Tests.Platforms.Telegram;

/// <summary>Each Telegram sender is answered in their app's language, through the real host and the fake Telegram.</summary>
public sealed class TelegramLanguageTests : IAsyncLifetime
{
    private TelegramChatHost host = null!;

    public async Task InitializeAsync() => host = await TelegramChatHost.StartAsync();

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task An_unknown_tag_is_answered_in_Korean_to_a_Korean_user_and_in_English_to_an_English_one()
    {
        await host.ImportSampleAndPostAsync();

        var korean = await host.SendAsync(TelegramChatHost.Reader, "/tag video-segmentaton", languageCode: "ko");
        var english = await host.SendAsync(TelegramChatHost.Reader, "/tag video-segmentaton", languageCode: "en");

        Assert.Equal(
            "<b>#video-segmentaton 태그가 붙은 노트가 없어요.</b>\n\n비슷한 태그: #video-segmentation\n모든 태그는 /tags로 볼 수 있어요.",
            korean.Text);
        Assert.Equal(
            "<b>No notes are tagged #video-segmentaton.</b>\n\nClosest tags: #video-segmentation\nSend /tags to see every tag.",
            english.Text);
    }

    [Fact]
    public async Task Help_is_in_Korean_for_ko_KR_with_the_command_names_as_they_are()
    {
        var help = await host.SendAsync(TelegramChatHost.Reader, "/help", languageCode: "ko-KR");

        Assert.StartsWith("<b>DigestBot — ML 논문 다이제스트</b>", help.Text);
        Assert.Contains("/tag &lt;태그&gt; — 그 태그가 붙은 노트를 최신순으로 보여 줘요", help.Text);
        Assert.Contains("/search &lt;단어&gt;", help.Text);
        Assert.DoesNotContain("Notes with", help.Text);
    }

    [Fact]
    public async Task A_lookup_in_Korean_lays_out_its_notes_in_Korean()
    {
        await host.ImportSampleAndPostAsync();

        var answer = await host.SendAsync(TelegramChatHost.Reader, "/tag video-segmentation", languageCode: "ko");

        Assert.StartsWith("<b>#video-segmentation: 노트 1개</b>", answer.Text);
        Assert.Contains(">게시물</a>", answer.Text);
    }

    [Fact]
    public async Task The_command_menu_is_registered_in_English_by_default_and_in_Korean_for_ko()
    {
        await host.Until(() => host.Telegram.Commands.Count > 0 && host.Telegram.CommandsByLanguage.ContainsKey("ko"), "both setMyCommands");

        var korean = host.Telegram.CommandsByLanguage["ko"];
        Assert.Equal(host.Telegram.Commands.Select(c => c.Command), korean.Select(c => c.Command));
        Assert.Contains(("tag", "Notes with a tag, newest first"), host.Telegram.Commands);
        Assert.Contains(("tag", "태그가 붙은 노트, 최신순"), korean);
    }
}
