using DigestBot.Chat;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DigestBot.Tests.Chat;

/// <summary>A bad <c>Subscriptions:Max</c> stops the start with one sentence naming the key and the value.</summary>
public sealed class SubscriptionsOptionsValidatorTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Theory]
    [InlineData("-1")]
    [InlineData("1000001")]
    public void A_maximum_out_of_range_names_its_key_and_value(string value)
    {
        using var services = TestServices.Create(folder, new Dictionary<string, string?> { ["Subscriptions:Max"] = value });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<SubscriptionsOptions>>().Value);

        Assert.Equal(
            $"Subscriptions:Max '{value}' must be from 0 (no subscriptions) to 1000000 (chats subscribed at once on every platform; default 10000).",
            error.Message);
    }

    [Fact]
    public void The_default_takes_ten_thousand_chats()
    {
        using var services = TestServices.Create(folder);

        Assert.Equal(10_000, services.GetRequiredService<IOptions<SubscriptionsOptions>>().Value.Max);
    }
}
