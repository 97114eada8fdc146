using System.Diagnostics;
using System.Text;

namespace DigestBot.Tests;

/// <summary>The built program started as a real process, as a user would run it.</summary>
internal sealed class ProgramProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder stdout = new();
    private readonly StringBuilder stderr = new();
    private readonly Lock gate = new();

    private ProgramProcess(Process process)
    {
        this.process = process;
    }

    public string Output
    {
        get
        {
            lock (gate)
            {
                return stdout.ToString();
            }
        }
    }

    public string Errors
    {
        get
        {
            lock (gate)
            {
                return stderr.ToString();
            }
        }
    }

    public int Id => process.Id;

    public bool HasExited => process.HasExited;

    public static ProgramProcess Start(string workingDirectory, IEnumerable<string> args, IDictionary<string, string>? environment = null)
    {
        var info = BuiltProgram.StartInfo(args);
        info.WorkingDirectory = workingDirectory;
        info.RedirectStandardInput = true;
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.StandardOutputEncoding = Encoding.UTF8;
        info.StandardErrorEncoding = Encoding.UTF8;
        info.UseShellExecute = false;
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        info.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var wrapper = new ProgramProcess(process);
        process.OutputDataReceived += (_, e) => wrapper.Append(wrapper.stdout, e.Data);
        process.ErrorDataReceived += (_, e) => wrapper.Append(wrapper.stderr, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return wrapper;
    }

    /// <summary>Runs a verb to completion and returns its exit code and output.</summary>
    public static Task<(int ExitCode, string Output, string Errors)> RunAsync(string workingDirectory, params string[] args) =>
        RunAsync(workingDirectory, new Dictionary<string, string>(), args);

    /// <summary>Runs a verb to completion with these environment variables set (an empty value: as if unset).</summary>
    public static async Task<(int ExitCode, string Output, string Errors)> RunAsync(
        string workingDirectory, IDictionary<string, string> environment, params string[] args)
    {
        await using var run = Start(workingDirectory, args, environment);
        run.process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await run.process.WaitForExitAsync(timeout.Token);
        // The exit event can come before the last asynchronous output lines.
        run.process.WaitForExit();
        return (run.process.ExitCode, run.Output, run.Errors);
    }

    public async Task TypeAsync(string line)
    {
        await process.StandardInput.WriteLineAsync(line);
        await process.StandardInput.FlushAsync();
    }

    public async Task<string> WaitForOutputAsync(Func<string, bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var output = Output;
            if (condition(output))
            {
                return output;
            }

            if (process.HasExited)
            {
                // Output still in flight when the process ends is only complete after WaitForExit().
                process.WaitForExit();
                if (condition(Output))
                {
                    return Output;
                }

                break;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"The program did not print what was expected within {timeout}.\n--- stdout ---\n{Output}\n--- stderr ---\n{Errors}");
    }

    public void Kill() => process.Kill(entireProcessTree: true);

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private void Append(StringBuilder builder, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (gate)
        {
            builder.Append(line).Append('\n');
        }
    }
}
