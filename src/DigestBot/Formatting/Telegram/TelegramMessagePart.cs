namespace DigestBot.Formatting.Telegram;

/// <param name="Html">The <c>text</c> of a sendMessage call in HTML parse mode.</param>
/// <param name="ReplyToPart">The part this one replies to; null for the first part.</param>
/// <param name="PreviewUrl">The link to preview; null means previews are disabled for this part.</param>
/// <param name="VisibleLength">What Telegram counts against its 4096 limit.</param>
internal sealed record TelegramMessagePart(string Html, int? ReplyToPart, string? PreviewUrl, int VisibleLength);
