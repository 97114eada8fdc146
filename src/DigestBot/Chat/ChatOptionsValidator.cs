using Microsoft.Extensions.Options;

namespace DigestBot.Chat;

/// <summary>Rejects a <c>Chat:Language</c> DigestBot does not speak at start, with a sentence naming the value.</summary>
internal sealed class ChatOptionsValidator : IValidateOptions<ChatOptions>
{
    public ValidateOptionsResult Validate(string? name, ChatOptions options) =>
        ChatLanguages.TryParseSetting(options.Language, out _)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(Problem(options.Language));

    /// <summary>The sentence for a language not provided; the web archive's validator says the same.</summary>
    public static string Problem(string? value) => $"Chat:Language '{value}' is not a language DigestBot speaks. Use en or ko.";
}
