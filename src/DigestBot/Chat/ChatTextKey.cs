namespace DigestBot.Chat;

/// <summary>
/// The name of every sentence in <c>ChatText.resx</c> and <c>ChatText.ko.resx</c>; a test checks that each resolves in
/// both languages and that the two files hold the same names.
/// </summary>
internal static class ChatTextKey
{
    public const string UnknownCommand = nameof(UnknownCommand);

    public const string SendHelp = nameof(SendHelp);

    public const string TagWhich = nameof(TagWhich);

    public const string SeeEveryTag = nameof(SeeEveryTag);

    public const string ClosestTags = nameof(ClosestTags);

    public const string TagNotFound = nameof(TagNotFound);

    public const string NoTagsYet = nameof(NoTagsYet);

    public const string TagWithQueued = nameof(TagWithQueued);

    public const string OneTag = nameof(OneTag);

    public const string ManyTags = nameof(ManyTags);

    public const string OneNote = nameof(OneNote);

    public const string ManyNotes = nameof(ManyNotes);

    public const string MoreThanNotes = nameof(MoreThanNotes);

    public const string SearchWhat = nameof(SearchWhat);

    public const string SearchNotFound = nameof(SearchNotFound);

    public const string SearchTryFewer = nameof(SearchTryFewer);

    public const string QueuePaused = nameof(QueuePaused);

    public const string QueueFailed = nameof(QueueFailed);

    public const string QueueEmpty = nameof(QueueEmpty);

    public const string QueueHeading = nameof(QueueHeading);

    public const string RetryNothingFailed = nameof(RetryNothingFailed);

    public const string RetryAll = nameof(RetryAll);

    public const string OneFailedDelivery = nameof(OneFailedDelivery);

    public const string ManyFailedDeliveries = nameof(ManyFailedDeliveries);

    public const string RetryWhich = nameof(RetryWhich);

    public const string QueueListsFailed = nameof(QueueListsFailed);

    public const string NoSuchNote = nameof(NoSuchNote);

    public const string RetryNothingForNote = nameof(RetryNothingForNote);

    public const string RetryNote = nameof(RetryNote);

    public const string NothingPaused = nameof(NothingPaused);

    public const string PausedNow = nameof(PausedNow);

    public const string DropWhich = nameof(DropWhich);

    public const string DropNotPaused = nameof(DropNotPaused);

    public const string Dropped = nameof(Dropped);

    public const string OneWaitingPost = nameof(OneWaitingPost);

    public const string ManyWaitingPosts = nameof(ManyWaitingPosts);

    public const string DropStaysPaused = nameof(DropStaysPaused);

    public const string SlotNever = nameof(SlotNever);

    public const string HelpHeading = nameof(HelpHeading);

    public const string HelpIntro = nameof(HelpIntro);

    public const string HelpPaperLink = nameof(HelpPaperLink);

    public const string CuratorsOnly = nameof(CuratorsOnly);

    public const string LookUpHint = nameof(LookUpHint);

    public const string ConsoleShowsEverything = nameof(ConsoleShowsEverything);

    public const string SubscribeIsForChats = nameof(SubscribeIsForChats);

    public const string PostingChannel = nameof(PostingChannel);

    public const string SubscribeElsewhere = nameof(SubscribeElsewhere);

    public const string InviteHint = nameof(InviteHint);

    public const string Unsubscribed = nameof(Unsubscribed);

    public const string SubscribeAgain = nameof(SubscribeAgain);

    public const string NotSubscribed = nameof(NotSubscribed);

    public const string HowToSubscribe = nameof(HowToSubscribe);

    public const string SubscribedEverything = nameof(SubscribedEverything);

    public const string AlreadyEverything = nameof(AlreadyEverything);

    public const string UnsubscribeToStop = nameof(UnsubscribeToStop);

    public const string AlreadyEverythingIncluding = nameof(AlreadyEverythingIncluding);

    public const string OnlySomeTags = nameof(OnlySomeTags);

    public const string SubscribedTags = nameof(SubscribedTags);

    public const string Slow = nameof(Slow);

    public const string Failed = nameof(Failed);

    public const string Hello = nameof(Hello);

    public const string SendHelpEverything = nameof(SendHelpEverything);

    public const string NoPaperInLinks = nameof(NoPaperInLinks);

    public const string SendPaperLink = nameof(SendPaperLink);

    public const string ConsoleFailed = nameof(ConsoleFailed);

    public const string OnlyCuratorsQueue = nameof(OnlyCuratorsQueue);

    public const string OnlyFirstPaper = nameof(OnlyFirstPaper);

    public const string ArxivHasNoPaper = nameof(ArxivHasNoPaper);

    public const string CheckLinkAgain = nameof(CheckLinkAgain);

    public const string ArxivUnreachable = nameof(ArxivUnreachable);

    public const string KeepTrying = nameof(KeepTrying);

    public const string QueuedMetadataPending = nameof(QueuedMetadataPending);

    public const string Queued = nameof(Queued);

    public const string OnlyCuratorsChange = nameof(OnlyCuratorsChange);

    public const string NoteGone = nameof(NoteGone);

    public const string NothingToAdd = nameof(NothingToAdd);

    public const string NothingAdded = nameof(NothingAdded);

    public const string AlreadyGoneOut = nameof(AlreadyGoneOut);

    public const string CommentaryAdded = nameof(CommentaryAdded);

    public const string TagsAdded = nameof(TagsAdded);

    public const string Updated = nameof(Updated);

    public const string NothingQueued = nameof(NothingQueued);

    public const string TakenForPosting = nameof(TakenForPosting);

    public const string Position = nameof(Position);

    public const string AlreadyPosted = nameof(AlreadyPosted);

    public const string AlreadyQueued = nameof(AlreadyQueued);

    public const string AlreadyTaken = nameof(AlreadyTaken);

    public const string NothingQueuedTwice = nameof(NothingQueuedTwice);

    public const string Tags = nameof(Tags);

    public const string ReplyToAdd = nameof(ReplyToAdd);

    public const string ArxivSaysNoPaper = nameof(ArxivSaysNoPaper);

    public const string StaysUnposted = nameof(StaysUnposted);

    public const string MetadataButUnpostable = nameof(MetadataButUnpostable);

    public const string MetadataFetched = nameof(MetadataFetched);

    public const string AlreadyStored = nameof(AlreadyStored);

    public const string PostingNow = nameof(PostingNow);

    public const string GoesOut = nameof(GoesOut);

    public const string PostedAt = nameof(PostedAt);

    public const string PageOf = nameof(PageOf);

    public const string NextPage = nameof(NextPage);

    public const string NextPageInline = nameof(NextPageInline);

    public const string PreviousButton = nameof(PreviousButton);

    public const string NextButton = nameof(NextButton);

    public const string PostLink = nameof(PostLink);

    public const string QueuedWhen = nameof(QueuedWhen);

    public const string ConsoleQueued = nameof(ConsoleQueued);

    public const string ConsoleNote = nameof(ConsoleNote);

    public const string MoreNotShown = nameof(MoreNotShown);

    public const string MoreThanSlackFits = nameof(MoreThanSlackFits);

    public const string ButtonExpired = nameof(ButtonExpired);

    public const string InlinePost = nameof(InlinePost);

    public const string EtAl = nameof(EtAl);

    public const string SlowDownSeconds = nameof(SlowDownSeconds);

    public const string SlowDownMinutes = nameof(SlowDownMinutes);

    public const string SearchShortened = nameof(SearchShortened);

    public const string GroupAdminsOnly = nameof(GroupAdminsOnly);

    public const string TooManyTags = nameof(TooManyTags);

    public const string SubscriptionsFull = nameof(SubscriptionsFull);

    public const string ChannelMembersOnly = nameof(ChannelMembersOnly);

    public const string QueueInPrivate = nameof(QueueInPrivate);

    public const string RolesUnavailable = nameof(RolesUnavailable);

    public const string HomeTitle = nameof(HomeTitle);

    public const string HomeNewest = nameof(HomeNewest);

    public const string HomeNothingPosted = nameof(HomeNothingPosted);

    public const string HomeTags = nameof(HomeTags);

    public const string HomeSubscriptions = nameof(HomeSubscriptions);

    public const string HomeSubscriptionsHint = nameof(HomeSubscriptionsHint);

    public const string HomeEverything = nameof(HomeEverything);

    public const string HomeNoSubscription = nameof(HomeNoSubscription);

    public const string HomeQueue = nameof(HomeQueue);

    public const string Subscribe = nameof(Subscribe);

    public const string Unsubscribe = nameof(Unsubscribe);

    public const string SubscribeEverything = nameof(SubscribeEverything);

    public const string UnsubscribeEverything = nameof(UnsubscribeEverything);

    public const string HomeMore = nameof(HomeMore);

    public const string HomeTagOnePost = nameof(HomeTagOnePost);

    public const string HomeTagPosts = nameof(HomeTagPosts);

    public const string HomeTagged = nameof(HomeTagged);

    /// <summary>The button under a Slack unfurl that queues the paper (curators).</summary>
    public const string UnfurlQueueIt = nameof(UnfurlQueueIt);

    /// <summary>The button under a Telegram channel post that opens inline mode with the note.</summary>
    public const string ShareButton = nameof(ShareButton);

    public const string WithdrawWhich = nameof(WithdrawWhich);

    public const string RequeueWhich = nameof(RequeueWhich);

    public const string CheckNoteId = nameof(CheckNoteId);

    public const string WithdrawnFromQueue = nameof(WithdrawnFromQueue);

    public const string WithdrawnPosted = nameof(WithdrawnPosted);

    public const string WithdrawnNothingPosted = nameof(WithdrawnNothingPosted);

    public const string OnePostedMessage = nameof(OnePostedMessage);

    public const string ManyPostedMessages = nameof(ManyPostedMessages);

    public const string WithdrawDeleteRule = nameof(WithdrawDeleteRule);

    public const string AlreadyWithdrawn = nameof(AlreadyWithdrawn);

    public const string NotWithdrawn = nameof(NotWithdrawn);

    public const string StillTakingBack = nameof(StillTakingBack);

    public const string Requeued = nameof(Requeued);

    public const string QueueHeld = nameof(QueueHeld);

    public const string QueueHeldUntil = nameof(QueueHeldUntil);

    public const string PausedIndefinitely = nameof(PausedIndefinitely);

    public const string PausedUntil = nameof(PausedUntil);

    public const string PauseBadUntil = nameof(PauseBadUntil);

    public const string PauseUntilPast = nameof(PauseUntilPast);

    public const string Resumed = nameof(Resumed);

    public const string NotPaused = nameof(NotPaused);

    public const string NextWhich = nameof(NextWhich);

    public const string MoveHow = nameof(MoveHow);

    public const string NotQueued = nameof(NotQueued);

    public const string PositionOutOfRange = nameof(PositionOutOfRange);

    public const string Moved = nameof(Moved);

    /// <summary>The buttons of a curator's /queue listing, each with the note's number in the listing.</summary>
    public const string QueueUpButton = nameof(QueueUpButton);

    public const string QueueDownButton = nameof(QueueDownButton);

    public const string QueueNextButton = nameof(QueueNextButton);

    public const string QueueWithdrawButton = nameof(QueueWithdrawButton);

    public const string QueueButtonCuratorsOnly = nameof(QueueButtonCuratorsOnly);

    public const string QueueChanged = nameof(QueueChanged);

    public const string QueueAlreadyFirst = nameof(QueueAlreadyFirst);

    public const string QueueAlreadyLast = nameof(QueueAlreadyLast);

    public const string QueueButtonNotQueued = nameof(QueueButtonNotQueued);

    /// <summary>What a queue button did, said under the listing it refreshed: short, as the listing shows the rest.</summary>
    public const string QueuePressedUp = nameof(QueuePressedUp);

    public const string QueuePressedDown = nameof(QueuePressedDown);

    public const string QueuePressedNext = nameof(QueuePressedNext);

    public const string QueuePressedWithdraw = nameof(QueuePressedWithdraw);

    /// <summary>Slack's "are you sure?" before a queue's Withdraw is sent: title, text naming the note, and its two buttons.</summary>
    public const string QueueWithdrawConfirmTitle = nameof(QueueWithdrawConfirmTitle);

    public const string QueueWithdrawConfirmText = nameof(QueueWithdrawConfirmText);

    public const string QueueWithdrawConfirm = nameof(QueueWithdrawConfirm);

    public const string QueueWithdrawDeny = nameof(QueueWithdrawDeny);

    /// <summary>What a posted message of a withdrawn note says where the platform will not delete it.</summary>
    public const string WithdrawnPlaceholder = nameof(WithdrawnPlaceholder);

    public const string EditWhich = nameof(EditWhich);

    public const string EditShown = nameof(EditShown);

    public const string EditTooLong = nameof(EditTooLong);

    public const string EditWithdrawn = nameof(EditWithdrawn);

    public const string EditProposed = nameof(EditProposed);

    public const string EditNothingChanged = nameof(EditNothingChanged);

    public const string EditKeyTaken = nameof(EditKeyTaken);

    public const string EditNotRenderable = nameof(EditNotRenderable);

    public const string EditChooseConsole = nameof(EditChooseConsole);

    public const string EditUpdateButton = nameof(EditUpdateButton);

    public const string EditCancelButton = nameof(EditCancelButton);

    public const string EditUpdated = nameof(EditUpdated);

    public const string EditCancelled = nameof(EditCancelled);

    public const string EditAlreadyDone = nameof(EditAlreadyDone);

    public const string EditOutOfDate = nameof(EditOutOfDate);

    public const string EditGone = nameof(EditGone);

    public const string EditCuratorsOnly = nameof(EditCuratorsOnly);

    public const string EditTitleUnchanged = nameof(EditTitleUnchanged);

    public const string EditTitleChanged = nameof(EditTitleChanged);

    public const string EditAuthorsChanged = nameof(EditAuthorsChanged);

    public const string EditAbstractChanged = nameof(EditAbstractChanged);

    public const string EditLinksChanged = nameof(EditLinksChanged);

    public const string EditDateChanged = nameof(EditDateChanged);

    public const string EditNoDate = nameof(EditNoDate);

    public const string EditCommentaryChanged = nameof(EditCommentaryChanged);

    public const string EditOneLineChanged = nameof(EditOneLineChanged);

    public const string EditManyLinesChanged = nameof(EditManyLinesChanged);

    public const string EditTagsChanged = nameof(EditTagsChanged);

    public const string EditInPrivate = nameof(EditInPrivate);

    public const string EditNoneWaiting = nameof(EditNoneWaiting);

    /// <summary>A command's usage after its name, e.g. <c>&lt;name&gt;</c>; empty when it takes none.</summary>
    public static string CommandArguments(string command) => $"Command_{command}_Arguments";

    /// <summary>A command's line in the menus (Telegram's setMyCommands).</summary>
    public static string CommandSummary(string command) => $"Command_{command}_Summary";

    /// <summary>What /help says about a command after its usage.</summary>
    public static string CommandHelp(string command) => $"Command_{command}_Help";
}
