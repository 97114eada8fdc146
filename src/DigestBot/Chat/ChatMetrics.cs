using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace DigestBot.Chat;

/// <summary>How long commands take to answer, per command, on the <c>DigestBot</c> meter (exported at <c>/metrics</c>).</summary>
internal sealed class ChatMetrics(IMeterFactory meters)
{
    private readonly Histogram<double> duration = meters.Create("DigestBot").CreateHistogram<double>(
        "digestbot.command.duration", "s", "Time from a command's arrival to its answer being ready, per command and platform.");

    public void Answered(string command, string platform, long startedTimestamp) =>
        duration.Record(
            Stopwatch.GetElapsedTime(startedTimestamp).TotalSeconds,
            new KeyValuePair<string, object?>("command", command),
            new KeyValuePair<string, object?>("platform", platform));
}
