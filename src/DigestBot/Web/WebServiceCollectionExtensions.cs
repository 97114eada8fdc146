using DigestBot.Chat;
using DigestBot.Storage;
using Microsoft.Extensions.Options;

namespace DigestBot.Web;

internal static class WebServiceCollectionExtensions
{
    /// <summary>The archive: its settings, the store's read-only lookups, the pages; and, for <c>run</c>, saying where it is.</summary>
    public static IServiceCollection AddWebArchive(this IServiceCollection services, IConfiguration configuration, bool forCommand)
    {
        services.AddOptions<WebOptions>().BindConfiguration(WebOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<WebOptions>, WebOptionsValidator>();
        services.AddSingleton(provider => ArchiveText.For(provider.GetRequiredService<IOptions<ChatOptions>>().Value.ParsedLanguage));
        services.AddSingleton<ArchiveStore>();
        services.AddSingleton<ArchiveSite>();
        services.AddSingleton<FeedCache>();
        services.AddSingleton<SiteExport>();
        if (!forCommand)
        {
            services.AddHostedService<ArchiveAddress>();
        }

        return services;
    }
}
