using DigestBot.Formatting;
using Microsoft.Extensions.Options;

namespace DigestBot.Web;

/// <summary>Rejects the archive's settings at start with a sentence naming the key and the value.</summary>
internal sealed class WebOptionsValidator : IValidateOptions<WebOptions>
{
    public ValidateOptionsResult Validate(string? name, WebOptions options)
    {
        var failures = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.BaseUrl) && !WebLink.IsWeb(options.BaseUrl.Trim()))
        {
            failures.Add($"Web:BaseUrl '{options.BaseUrl}' is not an http(s) address. Give the address readers open, e.g. https://papers.example.org/.");
        }

        if (string.IsNullOrWhiteSpace(options.Title))
        {
            failures.Add("Web:Title is empty. Give the archive a name, e.g. --Web:Title=\"Paper notes\".");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
