namespace DigestBot.Publishing;

/// <summary>Destinations that come and go while the bot runs, such as chats that subscribed.</summary>
internal interface IDestinationSource
{
    Task<IReadOnlyList<IDestination>> GetAsync(CancellationToken ct);
}
