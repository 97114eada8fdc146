namespace DigestBot.Publishing;

/// <summary>Every destination configured now: the fixed ones plus those from each <see cref="IDestinationSource"/>.</summary>
internal sealed class DestinationCatalog(IEnumerable<IDestination> fixedDestinations, IEnumerable<IDestinationSource> sources)
{
    private readonly IReadOnlyList<IDestination> fixedList = fixedDestinations.ToList();

    public async Task<IReadOnlyList<IDestination>> AllAsync(CancellationToken ct)
    {
        var all = new List<IDestination>(fixedList);
        foreach (var source in sources)
        {
            all.AddRange(await source.GetAsync(ct));
        }

        return all;
    }
}
