namespace DigestBot.Publishing;

internal sealed class ScheduleOptions
{
    public const string Section = "Schedule";

    /// <summary>Five fields, or six with seconds first.</summary>
    public string Cron { get; set; } = "0 9 * * *";

    /// <summary>IANA zone the cron is read in.</summary>
    public string TimeZone { get; set; } = "UTC";

    public int NotesPerSlot { get; set; } = 1;
}
