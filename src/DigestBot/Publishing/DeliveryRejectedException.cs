namespace DigestBot.Publishing;

/// <summary>The platform refused the message for a reason retrying cannot fix (chat not found, bot not admin).</summary>
internal sealed class DeliveryRejectedException(string reason, Exception? inner = null) : Exception(reason, inner);
