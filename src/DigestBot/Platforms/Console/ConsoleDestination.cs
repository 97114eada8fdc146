using System.Globalization;
using DigestBot.Chat;
using DigestBot.Formatting.Plain;
using DigestBot.Notes;
using DigestBot.Publishing;

namespace DigestBot.Platforms.Console;

/// <summary>Prints posts as they would appear, for running with no platform account.</summary>
internal sealed class ConsoleDestination(ConsoleOutput output, TimeProvider time) : IDestination
{
    public string Key => ChatPlatform.Console.Name();

    public async Task<string?> SendAsync(Note note, IReadOnlyList<string> sentMessageIds, Func<string, CancellationToken, Task> partSent, CancellationToken ct)
    {
        if (sentMessageIds.Count > 0)
        {
            return null;
        }

        var stamp = time.GetUtcNow().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
        output.WriteBlock($"──── posted {stamp} ────\n{ConsoleNoteFormatter.Format(note)}");
        await partSent(time.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture), ct);
        return null;
    }
}
