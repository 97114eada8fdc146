namespace DigestBot.Alerts;

/// <summary>
/// Something that needs a human, said once when it happens (and once when it clears): a sentence saying what
/// happened, and one saying what to do. Plain text; each platform escapes it its own way.
/// </summary>
internal sealed record CuratorAlert(string What, string ToDo)
{
    public override string ToString() => $"{What} {ToDo}";
}
