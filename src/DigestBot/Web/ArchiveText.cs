using System.Globalization;
using DigestBot.Chat;

namespace DigestBot.Web;

/// <summary>
/// Every word the archive's pages say, in English and Korean, in one place so they can move to the chat's resources
/// when those come. Public, as are the page models: RazorSlices generates public proxies for the templates.
/// </summary>
public sealed class ArchiveText
{
    public required string Language { get; init; }

    public required string Newest { get; init; }

    public required string Tags { get; init; }

    public required string Search { get; init; }

    public required string SearchLabel { get; init; }

    public required string Feed { get; init; }

    public required string Abstract { get; init; }

    public required string Paper { get; init; }

    public required string TelegramPost { get; init; }

    public required string SlackPost { get; init; }

    public required string Newer { get; init; }

    public required string Older { get; init; }

    public required string PermanentLink { get; init; }

    public required string NotesPerMonth { get; init; }

    public required string NothingPosted { get; init; }

    public required string SearchPrompt { get; init; }

    public required string ClosestTags { get; init; }

    public required string SeeAllTags { get; init; }

    public required string ServerError { get; init; }

    public required string NotFound { get; init; }

    public required string BadRequest { get; init; }

    public required Func<int, string> NoteCount { get; init; }

    public required Func<int, int, string> PageOf { get; init; }

    public required Func<string, string> NoTag { get; init; }

    public required Func<string, int, bool, string> Found { get; init; }

    public required Func<string, string> NothingFound { get; init; }

    public required Func<string, string> NoNote { get; init; }

    public required Func<string, int, string> NoPage { get; init; }

    public required Func<string, string> BadPage { get; init; }

    public required Func<int, string> SearchTooLong { get; init; }

    public required Func<string, int, string> MonthBar { get; init; }

    public static ArchiveText English { get; } = new()
    {
        Language = "en",
        Newest = "Newest",
        Tags = "Tags",
        Search = "Search",
        SearchLabel = "Search titles, abstracts and commentary",
        Feed = "Atom feed",
        Abstract = "Abstract",
        Paper = "Paper",
        TelegramPost = "Telegram post",
        SlackPost = "Slack post",
        Newer = "← Newer",
        Older = "Older →",
        PermanentLink = "Permanent link",
        NotesPerMonth = "Notes per month",
        NothingPosted = "Nothing has been posted yet.",
        SearchPrompt = "Type words to look for; Korean works too.",
        ClosestTags = "Closest tags:",
        SeeAllTags = "See every tag",
        ServerError = "The archive could not show this page. The error is in the bot's log; try again later.",
        NotFound = "Not found",
        BadRequest = "Bad request",
        NoteCount = n => n == 1 ? "1 note" : string.Create(CultureInfo.InvariantCulture, $"{n:N0} notes"),
        PageOf = (page, count) => string.Create(CultureInfo.InvariantCulture, $"Page {page:N0} of {count:N0}"),
        NoTag = tag => $"No posted note is tagged #{tag}.",
        Found = (words, count, more) => more
            ? string.Create(CultureInfo.InvariantCulture, $"“{words}”: more than {count:N0} notes")
            : $"“{words}”: " + (count == 1 ? "1 note" : string.Create(CultureInfo.InvariantCulture, $"{count:N0} notes")),
        NothingFound = words => $"Nothing found for “{words}”. Try fewer or shorter words, or browse by tag.",
        NoNote = id => $"There is no posted note {id}. It may not be posted yet; the newest notes are on the front page.",
        NoPage = (page, last) => string.Create(CultureInfo.InvariantCulture, $"There is no page {page}: the last page is {last:N0}."),
        BadPage = page => $"“{page}” is not a page number. Pages are whole numbers from 1.",
        SearchTooLong = max => string.Create(CultureInfo.InvariantCulture, $"That search is too long. Search for at most {max} characters."),
        MonthBar = (month, notes) => $"{month}: " + (notes == 1 ? "1 note" : string.Create(CultureInfo.InvariantCulture, $"{notes:N0} notes")),
    };

    public static ArchiveText Korean { get; } = new()
    {
        Language = "ko",
        Newest = "최신",
        Tags = "태그",
        Search = "검색",
        SearchLabel = "제목, 초록, 코멘트에서 찾기",
        Feed = "Atom 피드",
        Abstract = "초록",
        Paper = "논문",
        TelegramPost = "텔레그램 게시물",
        SlackPost = "슬랙 게시물",
        Newer = "← 최근",
        Older = "이전 →",
        PermanentLink = "고유 주소",
        NotesPerMonth = "월별 노트 수",
        NothingPosted = "아직 게시된 노트가 없습니다.",
        SearchPrompt = "찾을 단어를 입력하세요. 한국어도 됩니다.",
        ClosestTags = "비슷한 태그:",
        SeeAllTags = "모든 태그 보기",
        ServerError = "이 페이지를 보여 줄 수 없습니다. 오류는 봇의 로그에 남았습니다. 잠시 후 다시 시도하세요.",
        NotFound = "찾을 수 없음",
        BadRequest = "잘못된 요청",
        NoteCount = n => string.Create(CultureInfo.InvariantCulture, $"노트 {n:N0}개"),
        PageOf = (page, count) => string.Create(CultureInfo.InvariantCulture, $"{count:N0}쪽 중 {page:N0}쪽"),
        NoTag = tag => $"#{tag} 태그가 붙은 게시된 노트가 없습니다.",
        Found = (words, count, more) => more
            ? string.Create(CultureInfo.InvariantCulture, $"“{words}”: 노트 {count:N0}개 이상")
            : string.Create(CultureInfo.InvariantCulture, $"“{words}”: 노트 {count:N0}개"),
        NothingFound = words => $"“{words}”에 대한 결과가 없습니다. 단어를 줄이거나 짧게 바꿔 보거나, 태그로 찾아보세요.",
        NoNote = id => $"게시된 노트 {id}이(가) 없습니다. 아직 게시되지 않았을 수 있습니다. 최신 노트는 첫 페이지에 있습니다.",
        NoPage = (page, last) => string.Create(CultureInfo.InvariantCulture, $"{page}쪽은 없습니다. 마지막 쪽은 {last:N0}쪽입니다."),
        BadPage = page => $"“{page}”은(는) 쪽 번호가 아닙니다. 쪽 번호는 1부터 시작하는 정수입니다.",
        SearchTooLong = max => string.Create(CultureInfo.InvariantCulture, $"검색어가 너무 깁니다. {max}자 이하로 검색하세요."),
        MonthBar = (month, notes) => string.Create(CultureInfo.InvariantCulture, $"{month}: 노트 {notes:N0}개"),
    };

    /// <summary>The archive's words in the language <c>Chat:Language</c> names (checked at start by the chat's validator).</summary>
    internal static ArchiveText For(ChatLanguage language) => language == ChatLanguage.Korean ? Korean : English;
}
