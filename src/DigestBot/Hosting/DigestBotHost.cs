using DigestBot.Alerts;
using DigestBot.Chat;
using DigestBot.Formatting;
using DigestBot.Importing;
using DigestBot.Inbox;
using DigestBot.Notes;
using DigestBot.Platforms.Console;
using DigestBot.Platforms.Slack;
using DigestBot.Platforms.Telegram;
using DigestBot.Publishing;
using DigestBot.Sources;
using DigestBot.Storage;
using DigestBot.Web;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace DigestBot.Hosting;

/// <summary>Builds the one host every verb uses: configuration, options validated at start, and the features.</summary>
internal static class DigestBotHost
{
    /// <summary>
    /// Configuration: <c>appsettings/appsettings.json</c> beside the program (then the environment's file),
    /// environment variables, then command-line <c>--Key=value</c>.
    /// </summary>
    public static WebApplicationBuilder CreateBuilder(IReadOnlyList<string> configArgs, bool forCommand)
    {
        // The slim builder leaves out IIS integration and the regex route constraints: less loaded, less memory.
        // The builder's default sources (cleared below) would watch the content root, the working directory, for
        // changes to appsettings.json, and the watch is recursive: every write of SQLite's files in data/ woke a
        // thread, 7% of an import's CPU. Configuration is read once at start.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = ["--hostBuilder:reloadConfigOnChange=false", .. configArgs],
            ContentRootPath = Directory.GetCurrentDirectory(),
        });
        // An https:// address in Urls still works, as with the full builder.
        builder.WebHost.UseKestrelHttpsConfiguration();

        var settings = SettingsFolder();
        builder.Configuration.Sources.Clear();
        builder.Configuration
            .AddJsonFile(Path.Combine(settings, "appsettings.json"), optional: true, reloadOnChange: false)
            .AddJsonFile(Path.Combine(settings, $"appsettings.{builder.Environment.EnvironmentName}.json"), optional: true, reloadOnChange: false);
        if (builder.Environment.IsDevelopment())
        {
            builder.Configuration.AddUserSecrets(typeof(DigestBotHost).Assembly, optional: true);
        }

        builder.Configuration.AddEnvironmentVariables().AddCommandLine([.. configArgs]);

        builder.Logging.ClearProviders();
        // Standard output carries posts and answers; logs go to standard error.
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
        });
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        if (forCommand)
        {
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
        }

        builder.Host.UseSystemd();
        builder.Services.AddDigestBot(builder.Configuration, forCommand);
        return builder;
    }

    public static IServiceCollection AddDigestBot(this IServiceCollection services, IConfiguration configuration, bool forCommand)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();
        services.AddOptions<InboxOptions>().BindConfiguration(InboxOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<InboxOptions>, InboxOptionsValidator>();
        services.AddOptions<NotesOptions>().BindConfiguration(NotesOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<NotesOptions>, NotesOptionsValidator>();
        services.AddOptions<ScheduleOptions>().BindConfiguration(ScheduleOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ScheduleOptions>, ScheduleOptionsValidator>();
        services.AddOptions<PublishingOptions>().BindConfiguration(PublishingOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PublishingOptions>, PublishingOptionsValidator>();
        services.AddMetrics();

        services.AddSingleton<SqliteDatabase>();
        services.AddSingleton<DatabaseBackup>();
        services.AddSingleton<PreparedConnections>();
        services.AddSingleton<NoteStore>();
        services.AddSingleton<DeliveryStore>();
        services.AddSingleton<MessageEditStore>();
        services.AddSingleton<DestinationStateStore>();
        services.AddSingleton<NoteRenderCheck>();
        services.AddSingleton<NoteImporter>();
        services.AddSingleton<SlotSchedule>();
        services.AddSingleton<DestinationCatalog>();
        services.AddSingleton<CuratorAlerts>();
        services.AddSingleton<PublishingMetrics>();
        services.AddSingleton<DestinationPauses>();
        services.AddSingleton<Publisher>();
        services.AddSingleton<SchedulePause>();
        services.AddSingleton<PostEditor>();
        services.AddSingleton<ChatCommandHandler>();
        services.AddChat(forCommand);

        services.AddWebArchive(configuration, forCommand);
        services.AddPaperSources();
        services.AddOptions<TelegramOptions>().BindConfiguration(TelegramOptions.Section);
        services.AddOptions<SlackOptions>().BindConfiguration(SlackOptions.Section);

        services.AddSingleton<ConsoleOutput>();
        services.AddSingleton<ConsoleInput>();
        var platforms = PlatformSelection.FromConfiguration(configuration);
        if (platforms.Console)
        {
            services.AddSingleton<IDestination, ConsoleDestination>();
            services.AddSingleton<IAlertChannel, ConsoleAlertChannel>();
        }

        if (platforms.Slack)
        {
            services.AddSlack(forCommand);
        }

        if (platforms.Telegram)
        {
            services.AddTelegramPosting();
            services.AddTelegramChat(configuration, forCommand);
        }

        if (!forCommand)
        {
            services.AddSingleton<DeliveryWorker>();
            services.AddHostedService(sp => sp.GetRequiredService<DeliveryWorker>());
            services.AddHostedService<SlotScheduler>();
            services.AddHostedService<StoreChangeWatcher>();
            services.AddHostedService<InboxWatcher>();
            services.AddHostedService<AlertSender>();
            services.AddHealthChecks().AddCheck<PublishingHealthCheck>("publishing");
            services.AddOpenTelemetry().ConfigureResource(r => r.AddService("digestbot")).WithMetrics(metrics => metrics.AddMeter(PublishingMetrics.MeterName).AddPrometheusExporter());
            services.AddHostedService<ScheduledBackups>();
            if (platforms.Console)
            {
                services.AddHostedService<ConsoleChat>();
            }
        }

        return services;
    }

    public static WebApplication MapDigestBot(this WebApplication app)
    {
        app.MapGet("/healthz", () => Results.Text("ok"));
        app.MapHealthChecks("/health", HealthResponse.Options);
        app.MapPrometheusScrapingEndpoint("/metrics");
        app.MapSlack();
        app.MapTelegramWebhook();
        app.MapWebArchive();
        return app;
    }

    private static string SettingsFolder()
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "appsettings");
        return Directory.Exists(beside) ? beside : Path.Combine(Directory.GetCurrentDirectory(), "appsettings");
    }
}
