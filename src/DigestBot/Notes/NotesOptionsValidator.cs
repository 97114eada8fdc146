using Microsoft.Extensions.Options;

namespace DigestBot.Notes;

/// <summary>Rejects note limits at start with a message naming the bad key and value.</summary>
internal sealed class NotesOptionsValidator : IValidateOptions<NotesOptions>
{
    public const int MostMessages = 100;

    public ValidateOptionsResult Validate(string? name, NotesOptions options) =>
        options.MaxMessages is < 1 or > MostMessages
            ? ValidateOptionsResult.Fail(
                $"Notes:MaxMessages '{options.MaxMessages}' must be between 1 and {MostMessages}: the most messages one note may take on a platform (10 by default).")
            : ValidateOptionsResult.Success;
}
