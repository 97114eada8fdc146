using Telegram.Bot.Types.ReplyMarkups;

namespace DigestBot.Platforms.Telegram;

/// <summary>A chat answer ready for sendMessage or editMessageText in HTML parse mode.</summary>
internal sealed record TelegramReply(string Html, InlineKeyboardMarkup? Keyboard);
