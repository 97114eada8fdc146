using Microsoft.Extensions.Options;

namespace DigestBot.Sources;

/// <summary>Rejects paper-source settings at start with a message naming the bad key and value.</summary>
internal sealed class SourcesOptionsValidator : IValidateOptions<SourcesOptions>
{
    public ValidateOptionsResult Validate(string? name, SourcesOptions options)
    {
        var failures = new List<string>();
        if (!options.ArxivApiUrl.IsAbsoluteUri)
        {
            failures.Add($"Sources:ArxivApiUrl '{options.ArxivApiUrl}' must be an absolute URL such as https://export.arxiv.org/api/query.");
        }

        if (options.ArxivMinInterval < TimeSpan.Zero)
        {
            failures.Add($"Sources:ArxivMinInterval '{options.ArxivMinInterval}' must not be negative (arXiv asks for 00:00:03).");
        }

        if (options.ArxivTimeout <= TimeSpan.Zero)
        {
            failures.Add($"Sources:ArxivTimeout '{options.ArxivTimeout}' must be positive, e.g. 00:00:20.");
        }

        if (options.BackfillInterval <= TimeSpan.Zero)
        {
            failures.Add($"Sources:BackfillInterval '{options.BackfillInterval}' must be positive, e.g. 00:01:00.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
