using System.Runtime.Versioning;
using System.Text.RegularExpressions;
using DigestBot.Storage;
using DigestBot.Tests.Publishing;

namespace DigestBot.Tests.Curating;

/// <summary>
/// <c>edit &lt;note id&gt;</c> run as a curator runs it, with a fake editor (a shell script that changes the file with sed)
/// against a real database file: the saved text updates the note as a re-import would, and the running bot edits every
/// posted copy; each bad edit gets one sentence and changes nothing.
/// </summary>
[Collection(TimingCollection.Name)]
[UnsupportedOSPlatform("windows")]
public sealed class EditVerbTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task A_korean_commentary_fixed_in_the_editor_updates_the_note_and_the_running_bot_edits_every_posted_copy()
    {
        await using var host = await CuratingHost.StartAsync();
        var (_, slackTs) = await CuratingHost.ImportAndPostFirstAsync(host, Digest);
        var editor = Script("edit-1.sh", "sed -i -e 's/비디오 확장입니다/비디오 분할의 확장입니다/' -e 's/^#video-segmentation$/#video-segmentation #비디오/' \"$1\"");

        // VISUAL comes before EDITOR: an EDITOR that fails is never run.
        var edit = await ProgramProcess.RunAsync(host.Folder, Editors(editor, "false"), "edit", "1", "--db", host.DatabasePath);

        Assert.Equal(0, edit.ExitCode);
        Assert.Equal("updated note 1: commentary, tags", edit.Output.Trim());
        await Eventually.TrueAsync(
            () => Edited(host.Telegram.CurrentText(TwoPlatformHost.TelegramChannel, 1))
                && Edited(host.Telegram.CurrentText(CuratingHost.SubscriberChat, 1))
                && Edited(host.Slack.CurrentText(slackTs)),
            "every posted copy edited",
            TimeSpan.FromSeconds(60));
        var note = (await host.Get<NoteStore>().FindAsync(1, CancellationToken.None))!.Note;
        Assert.Equal("SAM 2가 나왔군요. 비디오 분할의 확장입니다.", note.Commentary);
        Assert.Equal(["video-segmentation", "비디오"], note.Tags);
        Assert.Equal(Path.Combine(host.Folder, "digest.txt"), note.Source.Location);
        var history = await ProgramProcess.RunAsync(host.Folder, "history", "1", "--db", host.DatabasePath);
        Assert.Contains("cli: changed commentary, tags", history.Output, StringComparison.Ordinal);
        var queued = await host.Get<NoteStore>().QueuedAsync(CancellationToken.None);
        Assert.Equal([2L, 3L], queued.Select(n => n.Id));
    }

    [Fact]
    public async Task An_editor_given_with_its_arguments_runs_through_the_shell_and_a_file_saved_unchanged_changes_nothing()
    {
        var db = await ImportAsync();
        var script = Script("touch.sh", "for f in \"$@\"; do last=$f; done\ntouch \"$last\"");

        var edit = await ProgramProcess.RunAsync(folder.Path, Editors("", "sh '" + script + "' --wait"), "edit", "2", "--db", db);

        Assert.Equal(0, edit.ExitCode);
        Assert.Equal("Nothing changed: note 2 is as it was.", edit.Output.Trim());
        await AssertUnchangedAsync(db);
    }

    [Fact]
    public async Task An_unknown_note_a_withdrawn_note_and_no_editor_each_get_one_sentence()
    {
        var db = await ImportAsync();
        var editor = Script("edit.sh", "sed -i 's/상태 공간/상태공간/' \"$1\"");
        Assert.Equal(0, (await ProgramProcess.RunAsync(folder.Path, "withdraw", "3", "--db", db)).ExitCode);

        var unknown = await ProgramProcess.RunAsync(folder.Path, Editors(editor, editor), "edit", "99", "--db", db);
        var withdrawn = await ProgramProcess.RunAsync(folder.Path, Editors(editor, editor), "edit", "3", "--db", db);
        var noEditor = await ProgramProcess.RunAsync(folder.Path, Editors("", " "), "edit", "2", "--db", db);

        Assert.Equal((1, "There is no note 99. queue lists the queued notes with their ids."), (unknown.ExitCode, unknown.Errors.Trim()));
        Assert.Equal(
            (1, "Note 3 (“Scaling Laws for Neural Language Models”) is withdrawn, so it cannot be edited; requeue 3 puts it back in the queue, then edit it."),
            (withdrawn.ExitCode, withdrawn.Errors.Trim()));
        Assert.Equal(
            (1, "No editor to open the note in: set VISUAL or EDITOR, e.g. export EDITOR=nano or export VISUAL=\"code --wait\"."),
            (noEditor.ExitCode, noEditor.Errors.Trim()));
        await AssertUnchangedAsync(db);
    }

    [Fact]
    public async Task An_editor_that_exits_non_zero_changes_nothing()
    {
        var db = await ImportAsync();
        var editor = Script("quit.sh", "sed -i 's/상태 공간/상태공간/' \"$1\"\nexit 3");

        var edit = await ProgramProcess.RunAsync(folder.Path, Editors(editor, ""), "edit", "2", "--db", db);

        Assert.Equal(1, edit.ExitCode);
        Assert.Matches(@"^The editor exited with code 3, so note 2 is unchanged; the text it saved stays in \S+note-2\.txt\.$", edit.Errors.Trim());
        await AssertUnchangedAsync(db);
    }

    [Fact]
    public async Task Unparseable_text_is_named_by_file_and_line_and_kept_for_the_curator()
    {
        var db = await ImportAsync();
        var editor = Script("untag.sh", "sed -i '/^#ssm$/d' \"$1\"");

        var edit = await ProgramProcess.RunAsync(folder.Path, Editors(editor, ""), "edit", "2", "--db", db);

        Assert.Equal(1, edit.ExitCode);
        var match = Regex.Match(edit.Errors.Trim(), @"^(\S+note-2\.txt):2: unfinished note starting at line 2: .* — note 2 is unchanged; your text stays in (\S+)\.$");
        Assert.True(match.Success, edit.Errors);
        Assert.Equal(match.Groups[1].Value, match.Groups[2].Value);
        Assert.Contains("상태 공간 모델입니다.", await File.ReadAllTextAsync(match.Groups[1].Value), StringComparison.Ordinal);
        File.Delete(match.Groups[1].Value);
        await AssertUnchangedAsync(db);
    }

    [Fact]
    public async Task A_key_changed_to_another_notes_changes_nothing()
    {
        var db = await ImportAsync();
        var editor = Script("rekey.sh", "sed -i 's#arxiv.org/abs/2312.00752#arxiv.org/abs/2408.00714#' \"$1\"");

        var edit = await ProgramProcess.RunAsync(folder.Path, Editors(editor, ""), "edit", "2", "--db", db);

        Assert.Equal(1, edit.ExitCode);
        Assert.Matches(@"^The edited note has the arXiv id, link or title of note 1, so note 2 is unchanged; your text stays in \S+note-2\.txt\.$", edit.Errors.Trim());
        await AssertUnchangedAsync(db);
    }

    private static bool Edited(string? text) =>
        text is not null && text.Contains("비디오 분할의 확장", StringComparison.Ordinal) && text.Contains("비디오", StringComparison.Ordinal);

    private static Dictionary<string, string> Editors(string visual, string editor) => new() { ["VISUAL"] = visual, ["EDITOR"] = editor };

    /// <summary>A fake editor: an executable shell script running <paramref name="body"/> on the file given as $1.</summary>
    private string Script(string name, string body)
    {
        var path = folder.Write(name, "#!/bin/sh\n" + body + "\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    private async Task<string> ImportAsync()
    {
        var db = folder.File("data/digestbot.db");
        var import = await ProgramProcess.RunAsync(folder.Path, "import", folder.Write("digest.txt", Digest), "--db", db);
        Assert.Equal(0, import.ExitCode);
        return db;
    }

    /// <summary>No note changed: the history has no change but the withdrawal, and the notes read as imported.</summary>
    private static async Task AssertUnchangedAsync(string db)
    {
        Assert.Equal(0L, await SqliteFile.ScalarAsync(db, "SELECT COUNT(*) FROM note_changes WHERE what LIKE 'changed%'"));
        Assert.Equal(0L, await SqliteFile.ScalarAsync(db, "SELECT COUNT(*) FROM notes WHERE revised_at IS NOT NULL"));
        Assert.Equal("상태 공간 모델입니다.", await SqliteFile.ScalarAsync(db, "SELECT commentary FROM notes WHERE id = 2"));
    }

    private const string Digest = """
        2024-07-30
        SAM 2: Segment Anything in Images and Videos
        (Nikhila Ravi, Valentin Gabeur)
        We present Segment Anything Model 2 (SAM 2).
        https://arxiv.org/abs/2408.00714
        SAM 2가 나왔군요. 비디오 확장입니다.
        #video_segmentation

        Mamba: Linear-Time Sequence Modeling
        (Albert Gu, Tri Dao)
        Foundation models are almost universally based on the Transformer.
        https://arxiv.org/abs/2312.00752
        상태 공간 모델입니다.
        #ssm

        Scaling Laws for Neural Language Models
        (Jared Kaplan)
        We study empirical scaling laws for language model performance.
        https://arxiv.org/abs/2001.08361
        스케일링 법칙 정리.
        #scaling-law

        """;
}
