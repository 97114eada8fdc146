using DigestBot.Publishing;
using DigestBot.Tests.Platforms.Telegram;
using Microsoft.Extensions.DependencyInjection;

namespace DigestBot.Tests.Publishing;

/// <summary>A lane per destination while it exists: a chat that unsubscribes leaves no lane (a task and a channel) behind.</summary>
public sealed class LaneReleaseTests
{
    [Fact]
    public async Task The_lane_of_a_chat_that_unsubscribed_is_released_at_the_next_wake()
    {
        await using var host = await TelegramChatHost.StartAsync();
        var worker = host.Services.GetRequiredService<DeliveryWorker>();
        await Eventually.TrueAsync(() => worker.LaneCount == 1, "the channel's lane");

        await host.SendAsync(TelegramChatHost.Reader, "/subscribe");
        worker.Wake();
        await Eventually.TrueAsync(() => worker.LaneCount == 2, "a lane for the subscribed chat");
        await host.SendAsync(TelegramChatHost.Reader, "/unsubscribe");
        worker.Wake();
        await Eventually.TrueAsync(() => worker.LaneCount == 1, "the subscribed chat's lane released");

        await host.SendAsync(TelegramChatHost.Reader, "/subscribe");
        worker.Wake();
        await Eventually.TrueAsync(() => worker.LaneCount == 2, "a lane again after subscribing again");
    }
}
