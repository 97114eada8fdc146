using DigestBot.Notes;

namespace DigestBot.Tests.Web;

/// <summary>Notes written to break a web page: markup, script and <c>javascript:</c> links in every field a page shows.</summary>
internal static class HostileNotes
{
    public const string ScriptText = "<script>alert('commentary')</script>";

    public static Note Everywhere { get; } = new()
    {
        Title = "\"><img src=x onerror=alert(1)> <script>alert('title')</script> Hostile note",
        Authors = ["<b onmouseover=alert(1)>Mallory</b>", "Eve\" onfocus=\"alert(1)"],
        Abstract = "</p></details><script>alert('abstract')</script><iframe src=javascript:alert(1)>",
        Links = ["javascript:alert('paper')", "https://example.org/ok?a=1&b=\"2\"<x>"],
        Commentary =
            ScriptText + "\n\n" +
            "[click](javascript:alert(1)) and [data](data:text/html;base64,PHNjcmlwdD4=) and <a href=\"javascript:alert(1)\">raw</a>\n\n" +
            "![pixel](https://example.org/pixel.png) ![evil](javascript:alert(1)) <img src=x onerror=alert(1)>\n\n" +
            "<javascript:alert(1)> <mailto:eve@example.org> [ref] and [fine](https://example.org/fine)\n\n" +
            "<div onclick=\"alert(1)\">block html</div>\n\n" +
            "[ref]: javascript:alert(2)\n",
        Tags = ["\"><img src=x onerror=alert(1)>", "<script>", "llm"],
        Source = new NoteSource("hostile.md", 1),
    };
}
