namespace DigestBot.Publishing;

internal sealed class PublishingOptions
{
    public const string Section = "Publishing";

    /// <summary>First wait after a transient failure; doubles up to <see cref="RetryMaxDelay"/>.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(5);
}
