using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DigestBot.Sources;

internal static class SourcesServiceCollectionExtensions
{
    public static IServiceCollection AddPaperSources(this IServiceCollection services)
    {
        services.AddOptions<SourcesOptions>()
            .BindConfiguration(SourcesOptions.Section)
            .Validate(o => o.ArxivApiUrl.IsAbsoluteUri, "Sources:ArxivApiUrl must be an absolute URL such as https://export.arxiv.org/api/query.")
            .Validate(o => o.ArxivMinInterval >= TimeSpan.Zero, "Sources:ArxivMinInterval must not be negative (arXiv asks for 00:00:03).")
            .Validate(o => o.ArxivTimeout > TimeSpan.Zero, "Sources:ArxivTimeout must be positive, e.g. 00:00:20.")
            .Validate(o => o.BackfillInterval > TimeSpan.Zero, "Sources:BackfillInterval must be positive, e.g. 00:01:00.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);

        // A singleton, so pacing and the one-at-a-time gate are shared by every caller; a long-lived
        // handler that recycles connections itself keeps DNS changes visible.
        services.AddHttpClient(nameof(ArxivClient))
            .UseSocketsHttpHandler((handler, _) =>
            {
                handler.PooledConnectionLifetime = TimeSpan.FromMinutes(15);
                handler.MaxConnectionsPerServer = 1;
            })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        services.AddSingleton(sp => new ArxivClient(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(ArxivClient)),
            sp.GetRequiredService<IOptions<SourcesOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<ArxivClient>>()));
        return services;
    }
}
