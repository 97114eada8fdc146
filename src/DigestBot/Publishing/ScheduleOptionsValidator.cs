using Cronos;
using DigestBot.Background;
using Microsoft.Extensions.Options;

namespace DigestBot.Publishing;

/// <summary>Rejects a schedule at start with a message naming the bad key and value.</summary>
internal sealed class ScheduleOptionsValidator : IValidateOptions<ScheduleOptions>
{
    public ValidateOptionsResult Validate(string? name, ScheduleOptions options)
    {
        var failures = new List<string>();
        if (!Cron.TryParse(options.Cron, out _, out var cronError))
        {
            failures.Add($"Schedule:Cron '{options.Cron}' is not a cron expression ({cronError}). Use 5 fields like '0 9 * * *', or 6 with seconds first like '*/5 * * * * *'.");
        }

        if (!Cron.TryFindZone(options.TimeZone, out _))
        {
            failures.Add($"Schedule:TimeZone '{options.TimeZone}' is not a known time zone. Use an IANA name such as 'UTC', 'Asia/Seoul' or 'America/New_York'.");
        }

        if (options.NotesPerSlot is < 1 or > 1000)
        {
            failures.Add($"Schedule:NotesPerSlot '{options.NotesPerSlot}' must be between 1 and 1000.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
