using System.Text.Json.Serialization;

namespace DigestBot.Formatting.Slack.Blocks;

[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(PlainText), "plain_text")]
[JsonDerivedType(typeof(MrkdwnText), "mrkdwn")]
internal abstract record TextObject(string Text);
