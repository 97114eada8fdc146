using DigestBot.Alerts;
using DigestBot.Chat;
using DigestBot.Platforms.Slack.WebApi;
using DigestBot.Publishing;
using Microsoft.Extensions.Options;

namespace DigestBot.Platforms.Slack;

internal static class SlackServiceCollectionExtensions
{
    /// <summary>Key of the <see cref="SendPacer"/> every Slack post shares.</summary>
    public const string Pacing = "Slack:Pacing";

    /// <summary>
    /// Slack as a destination with its start-up token check (every verb) and, for <c>run</c>, receiving:
    /// Socket Mode with an app token, otherwise the HTTP endpoints <see cref="SlackEndpoints.MapSlack"/> maps.
    /// </summary>
    public static IServiceCollection AddSlack(this IServiceCollection services, bool forCommand)
    {
        // Bound once, with the other platforms' options, in AddDigestBot: binding twice would repeat Slack:Admins.
        services.AddOptions<SlackOptions>().ValidateOnStart();
        services.AddSingleton<IValidateOptions<SlackOptions>, SlackOptionsValidator>();

        // No request logging: a response_url lets whoever has it answer in the conversation for 30 minutes.
        services.AddHttpClient(nameof(SlackApiClient), http => http.Timeout = TimeSpan.FromSeconds(30))
            .RemoveAllLoggers()
            .UseSocketsHttpHandler((handler, _) => handler.PooledConnectionLifetime = TimeSpan.FromMinutes(15))
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        services.AddSingleton(sp => new SlackApiClient(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(SlackApiClient)),
            sp.GetRequiredService<IOptions<SlackOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<SlackApiClient>>(),
            sp.GetService<PublishingMetrics>()));
        services.AddSingleton(sp => new SlackResponseUrl(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(SlackApiClient)),
            sp.GetRequiredService<ILogger<SlackResponseUrl>>()));
        // Slack's limit is about one message a second per channel, with no per-minute window like Telegram's.
        services.AddKeyedSingleton(Pacing, (sp, _) => new SendPacer(
            new PacingOptions
            {
                PerChatInterval = sp.GetRequiredService<IOptions<SlackOptions>>().Value.MessageInterval,
                GroupWindow = TimeSpan.Zero,
                GlobalWindow = TimeSpan.Zero,
            },
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ChatApi>();
        services.AddSingleton<AuthApi>();
        services.AddSingleton<ConversationsApi>();
        services.AddSingleton<AppsApi>();
        services.AddSingleton<ViewsApi>();

        services.AddSingleton<IDestinationSource, SlackDestinations>();
        services.AddSingleton<IStartupCheck, SlackStartupCheck>();
        services.AddSingleton<IAlertChannel, SlackAlertChannel>();

        if (!forCommand)
        {
            services.AddOptions<SlackSocketModeOptions>().BindConfiguration(SlackSocketModeOptions.Section).ValidateOnStart();
            services.AddSingleton<IValidateOptions<SlackSocketModeOptions>, SlackSocketModeOptionsValidator>();
            services.AddSingleton<SlackRequestVerifier>();
            services.AddSingleton<SlackEventDeduplicator>();
            services.AddSingleton<SlackBackgroundWork>();
            services.AddSingleton<IChatMembership, SlackMembership>();
            services.AddSingleton<SlackCommands>();
            services.AddSingleton<SlackConversation>();
            services.AddSingleton<SlackEvents>();
            services.AddSingleton<SlackInteractions>();
            services.AddSingleton<ISlackAction, SlackPageAction>();
            services.AddSingleton<ISlackAction, SlackEditAction>();
            services.AddSingleton<SlackAppHome>();
            services.AddSingleton<ISlackAction, SlackHomeAction>();
            services.AddSingleton<ISlackAction, SlackQueueAction>();
            services.AddSingleton<SlackUnfurls>();
            services.AddSingleton<ISlackAction, SlackQueueItAction>();
            services.AddSingleton<SlackChatSender>();
            services.AddSingleton<IChatNotifier>(sp => sp.GetRequiredService<SlackChatSender>());
            services.AddSingleton<SlackSocketModeClient>();

            services.AddHostedService(sp => sp.GetRequiredService<SlackBackgroundWork>());
            services.AddHostedService(sp => sp.GetRequiredService<SlackSocketModeClient>());
        }

        return services;
    }
}
