using DigestBot.Importing;
using DigestBot.Sources;
using DigestBot.Storage;
using Microsoft.Extensions.Options;

namespace DigestBot.Chat;

internal static class ChatServiceCollectionExtensions
{
    /// <summary>What every chat platform shares: the conversation, queueing by link, subscriptions, and filling in metadata later.</summary>
    public static IServiceCollection AddChat(this IServiceCollection services, bool forCommand)
    {
        services.AddOptions<ChatLimitsOptions>().BindConfiguration(ChatLimitsOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ChatLimitsOptions>, ChatLimitsOptionsValidator>();
        services.AddSingleton<ChatLimits>();
        services.AddSingleton<ChatPermissions>();
        services.AddOptions<ChatOptions>().BindConfiguration(ChatOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ChatOptions>, ChatOptionsValidator>();
        services.AddSingleton<ChatMetrics>();
        services.AddOptions<SubscriptionsOptions>().BindConfiguration(SubscriptionsOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SubscriptionsOptions>, SubscriptionsOptionsValidator>();
        services.AddSingleton<SubscriptionStore>();
        services.AddSingleton<ChatConfirmationStore>();
        services.AddSingleton<HandledUpdateStore>();
        services.AddSingleton<NoteAmendments>();
        services.AddSingleton<NoteCuration>();
        services.AddSingleton<CuratingCommands>();
        services.AddSingleton<QueueControls>();
        services.AddSingleton<PendingEditStore>();
        services.AddSingleton<ChatNoteEdits>();
        services.AddSingleton<PaperLinkIntake>();
        services.AddSingleton<ChatSubscriptions>();
        services.AddSingleton<ChatReplyLayout>();
        services.AddSingleton<PastedNotes>();
        services.AddSingleton<Conversation>();
        if (!forCommand)
        {
            services.AddHostedService<PendingMetadataRetry>();
            services.AddHostedService<TitleLinkLookup>();
        }

        return services;
    }
}
