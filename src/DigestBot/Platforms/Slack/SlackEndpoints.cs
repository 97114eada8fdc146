using Microsoft.Extensions.Options;

namespace DigestBot.Platforms.Slack;

internal static class SlackEndpoints
{
    /// <summary>
    /// Maps <c>/slack/commands</c>, <c>/slack/events</c> and <c>/slack/interactivity</c> when Slack runs without Socket Mode;
    /// with Socket Mode (or without Slack) there is nothing to map.
    /// </summary>
    public static IEndpointRouteBuilder MapSlack(this IEndpointRouteBuilder app)
    {
        var options = app.ServiceProvider.GetService<IOptions<SlackOptions>>()?.Value;
        if (options is not { Enabled: true, SocketMode: false } || app.ServiceProvider.GetService<SlackCommands>() is null)
        {
            return app;
        }

        app.MapPost(SlackCommandEndpoint.Path, SlackCommandEndpoint.HandleAsync).AddEndpointFilter<SlackSignatureFilter>();
        app.MapPost(SlackEventsEndpoint.Path, SlackEventsEndpoint.HandleAsync).AddEndpointFilter<SlackSignatureFilter>();
        app.MapPost(SlackInteractivityEndpoint.Path, SlackInteractivityEndpoint.HandleAsync).AddEndpointFilter<SlackSignatureFilter>();
        return app;
    }
}
