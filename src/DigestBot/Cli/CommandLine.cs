using DigestBot.Hosting;
using DigestBot.Publishing;
using DigestBot.Storage;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Options;

namespace DigestBot.Cli;

/// <summary>Dispatches a command-line verb. Exit codes: 0 done, 1 the verb failed or rejected input, 2 wrong usage.</summary>
internal static class CommandLine
{
    public static async Task<int> RunAsync(string[] args)
    {
        var stdout = Console.Out;
        var stderr = Console.Error;
        if (!CliArguments.TryParse(args, out var cli, out var error))
        {
            await stderr.WriteLineAsync(error);
            await stderr.WriteLineAsync();
            await stderr.WriteLineAsync(CliArguments.Usage);
            return 2;
        }

        if (cli.Verb == "help")
        {
            await stdout.WriteLineAsync(CliArguments.Usage);
            return 0;
        }

        try
        {
            var builder = DigestBotHost.CreateBuilder(cli.ConfigArgs, forCommand: cli.Verb != "run");
            await using var app = builder.Build();
            // Resolving the options and opening the store up front turns bad settings into one clear sentence.
            // Not for backup, which copies the file as it is: it neither creates a missing database nor upgrades an old one.
            _ = app.Services.GetRequiredService<IOptions<StorageOptions>>().Value;
            // Every other setting validated at start, before the host starts and would log the failure as a stack trace.
            app.Services.GetService<IStartupValidator>()?.Validate();
            if (cli.Verb != "backup")
            {
                await using (await app.Services.GetRequiredService<SqliteDatabase>().OpenAsync(CancellationToken.None))
                {
                }
            }

            using var postingLock = cli.Verb is "run" or "publish"
                ? PostingLock.Acquire(app.Services.GetRequiredService<SqliteDatabase>().FullPath)
                : null;
            if (cli.Verb is "run" or "publish")
            {
                foreach (var check in app.Services.GetServices<IStartupCheck>())
                {
                    await check.CheckAsync(CancellationToken.None);
                }
            }

            if (cli.Verb == "run")
            {
                WebAddressCheck.EnsureFree(app.Configuration["Urls"]);
                app.MapDigestBot();
                await app.RunAsync();
                return 0;
            }

            return await Verbs.RunAsync(cli, app.Services, stdout, stderr, CancellationToken.None);
        }
        catch (OptionsValidationException ex)
        {
            await stderr.WriteLineAsync("Configuration error: " + string.Join(" ", ex.Failures));
            return 1;
        }
        catch (AggregateException ex) when (ex.InnerExceptions.All(e => e is OptionsValidationException))
        {
            await stderr.WriteLineAsync("Configuration error: " + string.Join(" ", ex.InnerExceptions.SelectMany(e => ((OptionsValidationException)e).Failures)));
            return 1;
        }
        catch (Exception ex) when (UnconvertibleSetting(ex) is { } binding)
        {
            // The binder's own sentence names the key and the value: "Failed to convert configuration value 'abc' at
            // 'Storage:BackupKeep' to type 'System.Int32'."
            await stderr.WriteLineAsync($"Configuration error: {binding.Message} Give a whole number, or a duration such as 00:00:30.");
            return 1;
        }
        catch (AggregateException ex) when (ex.InnerException is StoreUnavailableException store)
        {
            await stderr.WriteLineAsync(store.Message);
            return 1;
        }
        catch (StoreUnavailableException ex)
        {
            await stderr.WriteLineAsync(ex.Message);
            return 1;
        }
        catch (IOException ex) when (ex.InnerException is AddressInUseException)
        {
            // Kestrel's message names the address: "Failed to bind to address http://0.0.0.0:8080: address already in use."
            await stderr.WriteLineAsync(
                $"The web server could not start: {ex.Message} Another program, perhaps another DigestBot, listens there. " +
                "Stop it, or give this bot another address with --Urls=http://127.0.0.1:8081 (the Urls setting).");
            return 1;
        }
    }

    /// <summary>The configuration binder's failure to read a setting as a number or a duration, however it was wrapped.</summary>
    private static InvalidOperationException? UnconvertibleSetting(Exception ex)
    {
        var thrown = ex is AggregateException { InnerException: { } inner } ? inner : ex;
        return thrown is InvalidOperationException invalid && invalid.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal)
            ? invalid
            : null;
    }
}
