using DigestBot.Formatting;
using DigestBot.Formatting.Slack.Renderers;
using DigestBot.Formatting.Telegram.Renderers;
using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;

namespace DigestBot.Tests.Formatting;

/// <summary>Markdig silently drops a leaf node no renderer accepts; this keeps every node type we meet covered.</summary>
public sealed class RendererCoverageTests
{
    private const string KitchenSink = """
        # Heading
        Setext heading
        ---

        Paragraph with *em*, **strong**, `code`, [link](https://e.com "title"), ![image](https://e.com/i.png),
        <https://auto.example>, <me@example.com>, https://bare.example/x_(y), www.example.com, ftp://f.example,
        mailto:me@example.com, <span>inline html</span>, &copy; &#169;, hard break  
        next line, \*escaped\*, [ref link][r], [collapsed][], **unclosed, _mixed *nesting*_.

        > quote
        > > nested quote
        > - list in quote

        1. ordered
           - nested bullet
             ```python
             fenced in list
             ```
        2. second

        * loose item

        * another

        - [ ] task-looking item

            indented code

        ~~~
        tilde fence
        ~~~

        <div>
        html block
        </div>

        <!-- comment -->

        | a | b |
        |:--|--:|
        | *1* | [2](https://e.com) |

        ***

        [r]: https://ref.example
        [collapsed]: https://c.example
        """;

    public static TheoryData<string> RendererSets => ["telegram", "slack"];

    [Theory]
    [MemberData(nameof(RendererSets))]
    public void Every_node_type_in_a_kitchen_sink_note_has_a_renderer(string platform)
    {
        RendererBase renderer = platform == "telegram" ? new TelegramHtmlRenderer() : new SlackMrkdwnRenderer();
        var document = Markdown.Parse(KitchenSink, CommentaryMarkdown.Pipeline);

        var types = document.Descendants().Select(node => node.GetType()).Distinct().ToList();
        var missing = types.Where(type => !renderer.ObjectRenderers.Any(r => r.Accept(renderer, type))).ToList();

        Assert.Empty(missing.Select(type => type.FullName));
        Assert.Contains(typeof(Markdig.Extensions.Tables.TableCell), types);
        Assert.Contains(typeof(Markdig.Syntax.Inlines.AutolinkInline), types);
        Assert.True(types.Count >= 20, $"only {types.Count} node types: the kitchen sink lost some");
    }

    [Theory]
    [MemberData(nameof(RendererSets))]
    public void Every_node_renderer_is_written_for_its_renderer(string platform)
    {
        RendererBase renderer = platform == "telegram" ? new TelegramHtmlRenderer() : new SlackMrkdwnRenderer();

        // Shared node renderers take any MarkupRenderer, the others one platform's; one added to the
        // wrong set compiles and fails only when a note first has its node.
        var foreign = renderer.ObjectRenderers
            .Where(r => !RendererTypeOf(r.GetType()).IsInstanceOfType(renderer))
            .Select(r => r.GetType().FullName);

        Assert.Empty(foreign);
    }

    [Fact]
    public void The_kitchen_sink_renders_validly_and_completely() =>
        Assert.Null(NoteChecks.Problems(new DigestBot.Notes.Note { Title = "Kitchen sink", Commentary = KitchenSink }));

    private static Type RendererTypeOf(Type objectRenderer)
    {
        for (var type = objectRenderer; type is not null; type = type.BaseType)
        {
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(MarkdownObjectRenderer<,>))
            {
                return type.GetGenericArguments()[0];
            }
        }

        throw new InvalidOperationException($"{objectRenderer} is not a MarkdownObjectRenderer");
    }
}
