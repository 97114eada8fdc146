using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DigestBot.Sources;

internal static class SourcesServiceCollectionExtensions
{
    public static IServiceCollection AddPaperSources(this IServiceCollection services)
    {
        services.AddOptions<SourcesOptions>().BindConfiguration(SourcesOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SourcesOptions>, SourcesOptionsValidator>();
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
