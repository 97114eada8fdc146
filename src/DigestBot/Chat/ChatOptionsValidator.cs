using Microsoft.Extensions.Options;

namespace DigestBot.Chat;

/// <summary>
/// Rejects a <c>Chat:Language</c> DigestBot does not speak at start, with a sentence naming the value; the chat answers
/// and the web archive both read the language from here.
/// </summary>
internal sealed class ChatOptionsValidator : IValidateOptions<ChatOptions>
{
    public ValidateOptionsResult Validate(string? name, ChatOptions options) =>
        ChatLanguages.TryParseSetting(options.Language, out _)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Chat:Language '{options.Language}' is not a language DigestBot speaks. Use en or ko.");
}
