using System.Globalization;
using System.Text;
using DigestBot.Platforms.Slack;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace DigestBot.Tests.Platforms.Slack;

public sealed class SlackRequestVerifierTests
{
    private const string Secret = "8f742231b10e8888abcd99yyyzzz85a5";
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-03-01T08:00:00Z", CultureInfo.InvariantCulture);
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("token=x&team_id=T1&command=%2Ftag&text=video-segmentation&user_id=U1");

    [Fact]
    public void Slack_s_documented_example_signature_is_valid()
    {
        // The example from Slack's "Verifying requests from Slack" page.
        const string body = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
        var verifier = Verifier(DateTimeOffset.FromUnixTimeSeconds(1531420618), "8f742231b10e8888abcd99yyyzzz85a5");

        var result = verifier.Verify("1531420618", "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503", Encoding.UTF8.GetBytes(body));

        Assert.Equal(SlackVerification.Valid, result);
    }

    [Fact]
    public void A_correctly_signed_fresh_request_is_valid()
    {
        var ts = Now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

        var result = Verifier(Now).Verify(ts, SlackRequestVerifier.Sign(Secret, ts, Body), Body);

        Assert.Equal(SlackVerification.Valid, result);
    }

    [Fact]
    public void A_signature_made_with_another_secret_is_forged()
    {
        var ts = Now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

        var result = Verifier(Now).Verify(ts, SlackRequestVerifier.Sign("not-the-secret", ts, Body), Body);

        Assert.Equal(SlackVerification.Forged, result);
    }

    [Fact]
    public void A_body_changed_after_signing_is_forged()
    {
        var ts = Now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = SlackRequestVerifier.Sign(Secret, ts, Body);
        var tampered = Encoding.UTF8.GetBytes("token=x&team_id=T1&command=%2Fqueue&text=&user_id=UADMIN");

        Assert.Equal(SlackVerification.Forged, Verifier(Now).Verify(ts, signature, tampered));
    }

    [Fact]
    public void A_signature_for_another_timestamp_is_forged()
    {
        var ts = Now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var earlier = (Now.ToUnixTimeSeconds() - 60).ToString(CultureInfo.InvariantCulture);

        Assert.Equal(SlackVerification.Forged, Verifier(Now).Verify(ts, SlackRequestVerifier.Sign(Secret, earlier, Body), Body));
    }

    [Theory]
    [InlineData(-301)]
    [InlineData(-3600)]
    [InlineData(301)]
    public void A_timestamp_more_than_five_minutes_away_is_stale_even_when_signed(int offsetSeconds)
    {
        var ts = (Now.ToUnixTimeSeconds() + offsetSeconds).ToString(CultureInfo.InvariantCulture);

        var result = Verifier(Now).Verify(ts, SlackRequestVerifier.Sign(Secret, ts, Body), Body);

        Assert.Equal(SlackVerification.Stale, result);
    }

    [Fact]
    public void Just_inside_five_minutes_is_still_valid()
    {
        var ts = (Now.ToUnixTimeSeconds() - 299).ToString(CultureInfo.InvariantCulture);

        Assert.Equal(SlackVerification.Valid, Verifier(Now).Verify(ts, SlackRequestVerifier.Sign(Secret, ts, Body), Body));
    }

    [Theory]
    [InlineData(null, "v0=00")]
    [InlineData("1772352000", null)]
    [InlineData("yesterday", "v0=00")]
    [InlineData("-5", "v0=00")]
    public void Missing_or_malformed_headers_are_unsigned(string? ts, string? signature)
    {
        Assert.Equal(SlackVerification.Unsigned, Verifier(Now).Verify(ts, signature, Body));
    }

    [Fact]
    public void Without_a_signing_secret_nothing_is_trusted()
    {
        var ts = Now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var verifier = new SlackRequestVerifier(Options.Create(new SlackOptions { BotToken = "xoxb-1" }), new FakeTimeProvider(Now));

        Assert.Equal(SlackVerification.NoSecret, verifier.Verify(ts, SlackRequestVerifier.Sign("", ts, Body), Body));
    }

    private static SlackRequestVerifier Verifier(DateTimeOffset now, string secret = Secret) =>
        new(Options.Create(new SlackOptions { BotToken = "xoxb-1", SigningSecret = secret }), new FakeTimeProvider(now));
}
