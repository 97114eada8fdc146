using System.Text.Json.Serialization;

namespace DigestBot.Formatting.Slack.Blocks;

/// <summary>What a rich text block is made of: paragraphs, list items, quotes and code, each a run of elements.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(RichTextSection), "rich_text_section")]
[JsonDerivedType(typeof(RichTextList), "rich_text_list")]
[JsonDerivedType(typeof(RichTextQuote), "rich_text_quote")]
[JsonDerivedType(typeof(RichTextPreformatted), "rich_text_preformatted")]
internal abstract record RichTextObject;
