using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;

namespace DigestBot.Tests.Web;

/// <summary>
/// The archive from the program as deployed (the build beside the tests, or the native one <c>DIGESTBOT_PROGRAM</c>
/// names): <c>run</c> says where the archive is and serves it, <c>site</c> writes it, bad settings stop it in a sentence.
/// </summary>
public sealed partial class WebProcessTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task Run_prints_the_archive_address_and_serves_posted_notes_pages_feeds_and_304s()
    {
        await ImportAndPublishAsync(count: 3);
        await using var bot = ProgramProcess.Start(folder.Path, ["run", "--db", Database, "--Urls=http://127.0.0.1:0", "--Inbox:Path=" + folder.File("inbox"), "--Chat:Language=ko"]);
        await Eventually.TrueAsync(() => ArchiveLine().IsMatch(bot.Errors) || bot.HasExited, "the archive's address", TimeSpan.FromSeconds(60));
        var address = new Uri(ArchiveLine().Match(bot.Errors).Groups[1].Value);
        using var client = new HttpClient { BaseAddress = address };

        var front = await client.GetAsync("/");
        var frontPage = new HtmlParser().ParseDocument(await front.Content.ReadAsStringAsync());
        var tag = await client.GetAsync("/tags/llm");
        var search = await client.GetStringAsync("/search?q=" + Uri.EscapeDataString("코멘트"));
        var feed = await client.GetAsync("/feed.atom");
        using var conditional = new HttpRequestMessage(HttpMethod.Get, "/feed.atom");
        conditional.Headers.TryAddWithoutValidation("If-None-Match", feed.Headers.ETag!.Tag);
        var notModified = await client.SendAsync(conditional);
        var missing = await client.GetAsync("/notes/4");

        Assert.Equal(HttpStatusCode.OK, front.StatusCode);
        Assert.Equal("ko", frontPage.DocumentElement.GetAttribute("lang"));
        Assert.Equal(["Third paper", "Second paper", "First paper"], frontPage.QuerySelectorAll("article.note h2").Select(h => h.TextContent));
        Assert.Equal("첫 번째 코멘트", frontPage.QuerySelectorAll("article.note .commentary strong").Last().TextContent);
        Assert.Equal(HttpStatusCode.OK, tag.StatusCode);
        Assert.Contains("“코멘트”: 노트 3개", search, StringComparison.Ordinal);
        Assert.Equal("application/atom+xml", feed.Content.Headers.ContentType?.MediaType);
        Assert.Equal(3, Regex.Count(await feed.Content.ReadAsStringAsync(), "<entry>"));
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Site_writes_the_archive_as_files_and_a_second_run_writes_nothing()
    {
        await ImportAndPublishAsync(count: 2);
        var out1 = folder.File("out");

        var first = await ProgramProcess.RunAsync(folder.Path, "site", out1, "--db", Database, "--Web:BaseUrl=https://you.github.io/papers/");
        var second = await ProgramProcess.RunAsync(folder.Path, "site", out1, "--db", Database, "--Web:BaseUrl=https://you.github.io/papers/");
        var withoutAddress = await ProgramProcess.RunAsync(folder.Path, "site", folder.File("bare"), "--db", Database);

        Assert.Equal(0, first.ExitCode);
        Assert.Matches(@"^Wrote \d+ file\(s\) to .*out, 0 unchanged\.", first.Output);
        Assert.True(File.Exists(Path.Combine(out1, "index.html")));
        Assert.True(File.Exists(Path.Combine(out1, "notes", "1", "index.html")));
        Assert.True(File.Exists(Path.Combine(out1, "tags", "llm.atom")));
        Assert.Equal(0, second.ExitCode);
        Assert.StartsWith("Wrote 0 file(s)", second.Output, StringComparison.Ordinal);
        Assert.Equal(0, withoutAddress.ExitCode);
        Assert.Contains("No feeds were written", withoutAddress.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(folder.File("bare/feed.atom")));
        Assert.True(File.Exists(folder.File("bare/index.html")));
    }

    [Theory]
    [InlineData("--Web:BaseUrl=papers.example.org", "Configuration error: Web:BaseUrl 'papers.example.org' is not an http(s) address.")]
    [InlineData("--Chat:Language=fr", "Configuration error: Chat:Language 'fr' is not a language DigestBot speaks. Use en or ko.")]
    [InlineData("--Web:Title=", "Configuration error: Web:Title is empty.")]
    public async Task A_bad_web_setting_stops_site_in_one_sentence(string setting, string sentence)
    {
        var result = await ProgramProcess.RunAsync(folder.Path, "site", folder.File("out"), "--db", Database, setting);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith(sentence, result.Errors, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Site_refuses_a_file_and_a_missing_folder_argument_in_one_sentence()
    {
        folder.Write("taken.txt", "not a folder");

        var onFile = await ProgramProcess.RunAsync(folder.Path, "site", folder.File("taken.txt"), "--db", Database);
        var none = await ProgramProcess.RunAsync(folder.Path, "site", "--db", Database);

        Assert.Equal(1, onFile.ExitCode);
        Assert.Contains("taken.txt is a file. Give a folder", onFile.Errors, StringComparison.Ordinal);
        Assert.Equal(2, none.ExitCode);
        Assert.StartsWith("site needs one folder", none.Errors, StringComparison.Ordinal);
    }

    private string Database => folder.File("data/bot.db");

    /// <summary>Imports <paramref name="count"/> notes and posts them all through the program's own verbs, so no slot of the bot's finds one left.</summary>
    private async Task ImportAndPublishAsync(int count)
    {
        var names = new[] { "First", "Second", "Third" };
        var korean = new[] { "첫 번째", "두 번째", "세 번째" };
        var digest = string.Concat(Enumerable.Range(0, count).Select(i =>
            $"{names[i]} paper\n(Ada Lovelace)\nAn abstract about paper {i}.\nhttps://arxiv.org/abs/2405.{i + 1:00000}\n**{korean[i]} 코멘트**입니다.\n#llm #web-test\n"));
        folder.Write("digest.txt", digest);
        var import = await ProgramProcess.RunAsync(folder.Path, "import", folder.File("digest.txt"), "--db", Database);
        Assert.Equal(0, import.ExitCode);
        var publish = await ProgramProcess.RunAsync(folder.Path, "publish", "--count", count.ToString(System.Globalization.CultureInfo.InvariantCulture), "--db", Database);
        Assert.Equal(0, publish.ExitCode);
    }

    [GeneratedRegex(@"Archive: (http://127\.0\.0\.1:\d+/)")]
    private static partial Regex ArchiveLine();
}
