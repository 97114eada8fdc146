using DigestBot.Chat;

namespace DigestBot.Tests.Chat;

public sealed class ChatCommandTests
{
    [Theory]
    [InlineData("/tag video-segmentation", "tag", "video-segmentation", null)]
    [InlineData("/tag@DigestBot video-segmentation", "tag", "video-segmentation", "DigestBot")]
    [InlineData("  /TAGS  ", "tags", "", null)]
    [InlineData("/search 비디오 세그멘테이션", "search", "비디오 세그멘테이션", null)]
    public void Parses_commands_with_and_without_a_bot_name(string text, string name, string arguments, string? addressedTo)
    {
        var command = ChatCommand.Parse(text);

        Assert.NotNull(command);
        Assert.Equal(name, command.Name);
        Assert.Equal(arguments, command.Arguments);
        Assert.Equal(addressedTo, command.AddressedTo);
    }

    [Theory]
    [InlineData("hello")]
    [InlineData("/")]
    [InlineData("/ tag")]
    [InlineData("https://arxiv.org/abs/2408.00714")]
    [InlineData("/2408.00714")]
    public void Other_text_is_not_a_command(string text) => Assert.Null(ChatCommand.Parse(text));

    [Fact]
    public void A_command_for_another_bot_is_not_ours()
    {
        var command = ChatCommand.Parse("/tag@OtherBot llm")!;

        Assert.False(command.IsFor("DigestBot"));
        Assert.True(ChatCommand.Parse("/tag@digestbot llm")!.IsFor("DigestBot"));
    }
}
