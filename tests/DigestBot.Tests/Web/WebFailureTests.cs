using System.Net;
using Microsoft.Data.Sqlite;

namespace DigestBot.Tests.Web;

/// <summary>What the archive answers to requests beyond a reader's GET, and when its database fails under it.</summary>
public sealed class WebFailureTests
{
    [Theory]
    [InlineData("/")]
    [InlineData("/feed.atom")]
    [InlineData("/tags/video-segmentation")]
    public async Task HEAD_answers_the_validators_of_GET_without_a_body(string path)
    {
        await using var host = await ArchiveHost.StartAsync();
        await host.PostAsync(WebArchiveTests.Sam2);
        var (get, body) = await host.GetAsync(path);

        using var head = await host.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (get.StatusCode, head.StatusCode));
        Assert.NotEmpty(body);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        Assert.Equal(get.Headers.ETag, head.Headers.ETag);
        Assert.NotNull(head.Headers.ETag);
        Assert.Equal(get.Content.Headers.ContentType, head.Content.Headers.ContentType);
    }

    [Fact]
    public async Task A_damaged_database_shows_the_archive_s_own_error_page_never_a_stack_trace_even_in_Development()
    {
        await using var host = await ArchiveHost.StartAsync(new Dictionary<string, string> { ["environment"] = "Development" });
        await host.PostAsync(WebArchiveTests.Sam2);
        await using (var connection = await SqliteFile.OpenAsync(host.DatabasePath, SqliteOpenMode.ReadWrite))
        await using (var drop = connection.CreateCommand())
        {
            drop.CommandText = "DROP TABLE tag_months";
            await drop.ExecuteNonQueryAsync();
        }

        var (response, body) = await host.GetAsync("/tags/video-segmentation");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("The archive could not show this page. The error is in the bot&#x27;s log; try again later.", body, StringComparison.Ordinal);
        Assert.DoesNotContain("tag_months", body, StringComparison.Ordinal);
        Assert.DoesNotContain("SqliteException", body, StringComparison.Ordinal);
        Assert.DoesNotContain(" at DigestBot", body, StringComparison.Ordinal);
        Assert.Equal(DigestBot.Web.ArchiveResponse.ContentSecurityPolicy, response.Headers.GetValues("Content-Security-Policy").Single());

        var (other, _) = await host.GetAsync("/notes/1");
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }
}
