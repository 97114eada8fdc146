using DigestBot.Chat;
using DigestBot.Notes;
using DigestBot.Platforms.Slack.WebApi;
using DigestBot.Platforms.Slack.Wire;
using DigestBot.Publishing;
using DigestBot.Sources;
using DigestBot.Storage;
using Microsoft.Extensions.Options;

namespace DigestBot.Platforms.Slack;

/// <summary>
/// <c>link_shared</c> → <c>chat.unfurl</c>: an arXiv, Hugging Face or alphaXiv paper link posted where the app is
/// gets a preview (<see cref="SlackUnfurlView"/>) from our stored note when we have one, else from arXiv through
/// <see cref="ArxivPreviewLookups"/>, which bounds what a flood of links can ask of arXiv. Other links are left to Slack.
/// </summary>
internal sealed class SlackUnfurls(
    ChatApi chat,
    NoteAmendments notes,
    ArxivPreviewLookups arxiv,
    IOptions<SlackOptions> options,
    IOptions<ChatOptions> chatOptions,
    ILogger<SlackUnfurls> log)
{
    /// <summary>Papers previewed per message; Slack sends every link of the message in one event.</summary>
    public const int MaxPapers = 5;

    public async Task HandleAsync(SlackEvent e, CancellationToken ct)
    {
        // Slack answers in Chat:Language; the preview is built outside a conversation turn that would set it.
        ChatText.Language = chatOptions.Value.ParsedLanguage;
        var fromCurator = options.Value.IsCurator(e.User);
        var unfurls = new Dictionary<string, SlackUnfurl>(StringComparer.Ordinal);
        var papers = new HashSet<string>(StringComparer.Ordinal);
        foreach (var link in e.Links.Select(l => l.Url).Distinct(StringComparer.Ordinal))
        {
            if (!ArxivId.TryFromUrl(link, out var id) || (!papers.Contains(id) && papers.Count >= MaxPapers))
            {
                continue;
            }

            papers.Add(id);
            if (await PreviewAsync(id, fromCurator, ct) is { } unfurl)
            {
                unfurls[link] = unfurl;
            }
        }

        if (unfurls.Count == 0)
        {
            Log.NothingToUnfurl(log, e.Links.Count, e.Channel ?? "");
            return;
        }

        var request = e.Source == "composer" && e.UnfurlId is { Length: > 0 }
            ? new ChatUnfurlRequest(unfurls) { UnfurlId = e.UnfurlId, Source = e.Source }
            : new ChatUnfurlRequest(unfurls) { Channel = e.Channel, Ts = e.MessageTs };
        try
        {
            await chat.UnfurlAsync(request, ct);
            Log.Unfurled(log, unfurls.Count, e.Channel ?? "", e.MessageTs ?? e.UnfurlId ?? "");
        }
        catch (SlackApiException ex) when (ex.Kind != PlatformErrorKind.Transient)
        {
            Log.UnfurlRefused(log, e.Channel ?? "", ex.PlatformWords);
        }
    }

    private async Task<SlackUnfurl?> PreviewAsync(string arxivId, bool fromCurator, CancellationToken ct)
    {
        var stored = await notes.FindByArxivIdAsync(arxivId, ct);
        if (stored is not null && !await notes.IsAwaitingMetadataAsync(stored.Id, ct))
        {
            // A queued note's commentary is the curator's draft: only what went out is shown.
            return stored.IsPosted
                ? SlackUnfurlView.Build(stored.Note.Title, stored.Note.Authors, stored.Note.Commentary, SlackChannelPost.Of(stored, options.Value), null)
                : SlackUnfurlView.Build(stored.Note.Title, stored.Note.Authors, null, null, null);
        }

        if (await arxiv.FindAsync(arxivId, ct) is not { } paper)
        {
            return null;
        }

        return SlackUnfurlView.Build(paper.Title, paper.Authors, null, null, fromCurator && stored is null ? paper.ArxivId : null);
    }
}
