namespace DigestBot.Chat;

/// <summary>A message from any platform, reduced to what the command handling needs.</summary>
internal sealed record ChatMessage(string Platform, string ChatId, string UserId, string Text, bool FromCurator);
