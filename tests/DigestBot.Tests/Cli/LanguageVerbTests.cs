namespace DigestBot.Tests.Cli;

/// <summary>
/// The command line answers in <c>Chat:Language</c>, as the console does. Its name matches the native job's filter in
/// .ci/run, so it also shows the Korean satellite resources load in the native executable.
/// </summary>
public sealed class LanguageVerbTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    private Task<(int ExitCode, string Output, string Errors)> Run(params string[] args) =>
        ProgramProcess.RunAsync(folder.Path, [.. args, "--db", folder.File("data/bot.db")]);

    [Fact]
    public async Task An_unknown_tag_is_answered_in_Korean_with_Chat_Language_ko_in_English_without_and_not_at_all_in_French()
    {
        await Run("import", Path.Combine(TestPaths.RepoRoot, "samples", "demo-digest.txt"));

        var korean = await Run("tag", "lm", "--Chat:Language=ko");
        var english = await Run("tag", "lm");
        var french = await Run("tag", "lm", "--Chat:Language=fr");

        Assert.Equal(1, korean.ExitCode);
        Assert.Contains("#lm 태그가 붙은 노트가 없어요.", korean.Output, StringComparison.Ordinal);
        Assert.Contains("비슷한 태그: #llm", korean.Output, StringComparison.Ordinal);
        Assert.Contains("No notes are tagged #lm.", english.Output, StringComparison.Ordinal);
        Assert.Equal(1, french.ExitCode);
        Assert.Contains("Chat:Language 'fr' is not a language DigestBot speaks. Use en or ko.", french.Errors, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", french.Errors, StringComparison.Ordinal);
    }
}
