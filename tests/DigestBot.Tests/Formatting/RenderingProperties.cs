using CsCheck;
using Xunit.Abstractions;

namespace DigestBot.Tests.Formatting;

public sealed class RenderingProperties(ITestOutputHelper output)
{
    private const int Notes = 1000;

    [Fact]
    public void Every_Telegram_part_is_valid_and_together_they_hold_all_the_text() =>
        Check(NoteChecks.TelegramProblems);

    [Fact]
    public void Every_Slack_payload_is_within_Block_Kit_limits_and_holds_all_the_text() =>
        Check(NoteChecks.SlackProblems);

    private void Check(Func<DigestBot.Notes.Note, string?> problems)
    {
        var checkedNotes = 0;
        RandomNotes.Notes.Sample(
            note =>
            {
                Interlocked.Increment(ref checkedNotes);
                if (problems(note) is { } problem)
                {
                    throw new Xunit.Sdk.XunitException(problem);
                }
            },
            iter: Notes,
            threads: 1,
            print: RandomNotes.Describe);

        output.WriteLine($"{checkedNotes} random notes checked");
        Assert.True(checkedNotes >= Notes, $"only {checkedNotes} notes checked");
    }
}
