using DigestBot.Chat;

namespace DigestBot.Tests.Chat;

/// <summary>A bad <c>Subscriptions:Max</c> stops the start with one sentence naming the key and the value.</summary>
public sealed class SubscriptionsOptionsValidatorTests
{
    [Theory]
    [InlineData(-1)]
    [InlineData(1_000_001)]
    public void A_maximum_out_of_range_names_its_key_and_value(int max)
    {
        var result = new SubscriptionsOptionsValidator().Validate(null, new SubscriptionsOptions { Max = max });

        Assert.Equal(
            [$"Subscriptions:Max '{max}' must be from 0 (no subscriptions) to 1000000 (chats subscribed at once on every platform; default 10000)."],
            result.Failures);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10_000)]
    [InlineData(1_000_000)]
    public void No_subscriptions_the_default_and_the_largest_maximum_pass(int max) =>
        Assert.True(new SubscriptionsOptionsValidator().Validate(null, new SubscriptionsOptions { Max = max }).Succeeded);
}
