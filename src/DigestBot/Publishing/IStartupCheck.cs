namespace DigestBot.Publishing;

/// <summary>
/// Something a platform verifies before anything is posted, such as that its token works. Run by <c>run</c> and
/// <c>publish</c> before they start; a failure is an <see cref="Microsoft.Extensions.Options.OptionsValidationException"/>
/// whose message is one sentence naming the setting to fix (and never a secret).
/// </summary>
internal interface IStartupCheck
{
    Task CheckAsync(CancellationToken ct);
}
