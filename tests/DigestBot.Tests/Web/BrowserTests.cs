using System.Drawing;
using DigestBot.Notes;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace DigestBot.Tests.Web;

/// <summary>
/// A reader's walk through the archive in a real browser (headless Chromium): the front page, a tag, a Korean search,
/// a note; the hostile note's script shown as text and never run; screenshots at phone and desktop size under the test
/// output's <c>screenshots/</c>.
/// </summary>
[Collection(TimingCollection.Name)]
public sealed class BrowserTests
{
    private static readonly Size Phone = new(390, 844);
    private static readonly Size Desktop = new(1280, 900);

    [SkippableFact]
    public async Task A_reader_follows_a_tag_searches_in_korean_and_opens_a_note_and_the_hostile_one_runs_nothing()
    {
        await using var host = await ArchiveHost.StartAsync(new Dictionary<string, string> { ["Chat:Language"] = "ko", ["Web:Title"] = "논문 노트" });
        await PostDemoAsync(host);
        var hostile = (await host.PostAsync(HostileNotes.Everywhere))[0];
        using var browser = Chromium.Start(Desktop);

        browser.Navigate().GoToUrl(new Uri(host.BaseAddress, "/"));
        Assert.Equal("논문 노트", browser.Title);
        // The stylesheet, the one thing the policy lets the page load, is applied.
        Assert.NotEqual("0px", Style(browser, "article.note", "border-top-left-radius"));
        browser.FindElements(By.CssSelector("ul.tags a")).First(a => a.Text == "#llm").Click();
        await Chromium.UntilAsync(browser, b => b.Url.EndsWith("/tags/llm", StringComparison.Ordinal), "the tag page");
        Assert.Equal("#llm", browser.FindElement(By.TagName("h1")).Text);
        Assert.NotEmpty(browser.FindElements(By.CssSelector("figure.chart svg rect")));

        var box = browser.FindElement(By.CssSelector("form.search input[name=q]"));
        box.SendKeys("모델");
        box.Submit();
        await Chromium.UntilAsync(browser, b => b.Url.Contains("/search?q=", StringComparison.Ordinal), "the search results");
        Assert.StartsWith("“모델”: 노트", browser.FindElement(By.TagName("h1")).Text, StringComparison.Ordinal);
        var first = browser.FindElement(By.CssSelector("article.note h2 a"));
        var title = first.Text;
        first.Click();
        await Chromium.UntilAsync(browser, b => b.Url.Contains("/notes/", StringComparison.Ordinal), "the note page");
        Assert.Equal(title, browser.FindElement(By.TagName("h1")).Text);
        Assert.Equal("초록", browser.FindElement(By.CssSelector("details.abstract summary")).Text);

        browser.Navigate().GoToUrl(new Uri(host.BaseAddress, $"/notes/{hostile}"));
        Assert.Contains(HostileNotes.ScriptText, browser.FindElement(By.CssSelector(".commentary")).Text, StringComparison.Ordinal);
        Assert.Equal(HostileNotes.Everywhere.Title, browser.FindElement(By.TagName("h1")).Text);
        Assert.Throws<NoAlertPresentException>(() => browser.SwitchTo().Alert());
        Assert.Equal(0L, browser.ExecuteScript("return document.querySelectorAll('script, img, iframe').length;"));
    }

    [SkippableFact]
    public async Task Screenshots_of_the_front_page_a_tag_page_and_a_note_at_phone_and_desktop_size()
    {
        await using var host = await ArchiveHost.StartAsync(new Dictionary<string, string> { ["Chat:Language"] = "ko", ["Web:Title"] = "논문 노트" });
        var ids = await PostDemoAsync(host);
        var pages = new (string Name, string Path)[] { ("front", "/"), ("tag", "/tags/llm"), ("note", $"/notes/{ids[0]}") };

        foreach (var (sizeName, size) in new[] { ("phone", Phone), ("desktop", Desktop) })
        {
            using var browser = Chromium.Start(size);
            foreach (var (name, path) in pages)
            {
                browser.Navigate().GoToUrl(new Uri(host.BaseAddress, path));
                var file = Chromium.Screenshot(browser, $"{name}-{sizeName}");

                Assert.True(new FileInfo(file).Length > 10_000, $"{file} is nearly empty");
                // Nothing wider than the window: the page reads on a phone without sideways scrolling.
                Assert.Equal(0L, browser.ExecuteScript("return Math.max(0, document.documentElement.scrollWidth - window.innerWidth);"));
            }
        }
    }

    /// <summary>The shared sample day (Korean commentary) and the demo digest, posted a month apart.</summary>
    private static async Task<IReadOnlyList<long>> PostDemoAsync(ArchiveHost host)
    {
        var reader = new NoteFileReader();
        var ids = new List<long>();
        ids.AddRange(await host.PostAsync([.. reader.Read(Path.Combine(TestPaths.RepoRoot, "samples", "demo-digest.txt")).Notes]));
        host.Time.Advance(TimeSpan.FromDays(40));
        if (TestPaths.SharedSamples is { } shared)
        {
            ids.InsertRange(0, await host.PostAsync([.. reader.Read(Path.Combine(shared, "digest-2024-07-30.txt")).Notes]));
        }

        return ids;
    }

    private static string Style(ChromeDriver browser, string selector, string property) =>
        (string)browser.ExecuteScript($"return getComputedStyle(document.querySelector('{selector}')).getPropertyValue('{property}');")!;
}
