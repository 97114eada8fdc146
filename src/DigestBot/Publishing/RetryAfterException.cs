namespace DigestBot.Publishing;

/// <summary>The platform asked us to wait exactly this long before sending the same message again.</summary>
internal sealed class RetryAfterException(TimeSpan wait, Exception? inner = null)
    : Exception($"The platform asked to retry after {wait.TotalSeconds:0.###} s.", inner)
{
    public TimeSpan Wait { get; } = wait;
}
