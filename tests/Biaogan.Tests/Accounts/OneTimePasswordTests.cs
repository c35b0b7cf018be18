using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Accounts;
using OtpNet;

namespace Biaogan.Tests.Accounts;

[NoDatabase]
public class OneTimePasswordTests
{
    [Fact]
    public void Codes_match_an_independent_implementation_and_rfc_6238()
    {
        // RFC 6238 appendix B, SHA-1 key "12345678901234567890": 59 s → 94287082 (8 digits) → 287082.
        var rfcKey = "12345678901234567890"u8.ToArray();
        Assert.Equal("287082", OneTimePassword.Compute(rfcKey, DateTimeOffset.FromUnixTimeSeconds(59)));
        var key = KeyGeneration.GenerateRandomKey(20);
        var at = new DateTimeOffset(2026, 11, 27, 2, 0, 0, TimeSpan.Zero);
        Assert.Equal(new OtpNet.Totp(key).ComputeTotp(at.UtcDateTime), OneTimePassword.Compute(key, at));
    }

    [Fact]
    public void A_code_is_accepted_one_step_either_side_and_not_further()
    {
        var key = KeyGeneration.GenerateRandomKey(20);
        var at = new DateTimeOffset(2026, 11, 27, 2, 0, 0, TimeSpan.Zero);
        var code = OneTimePassword.Compute(key, at);
        Assert.True(OneTimePassword.Verify(key, code, at.AddSeconds(30)));
        Assert.True(OneTimePassword.Verify(key, code, at.AddSeconds(-30)));
        Assert.False(OneTimePassword.Verify(key, code, at.AddSeconds(90)));
        Assert.False(OneTimePassword.Verify(key, "12345", at));
    }

    [Fact]
    public void Base32_keys_decode_as_authenticator_apps_read_them()
    {
        var key = KeyGeneration.GenerateRandomKey(20);
        var text = Base32Encoding.ToString(key);
        Assert.Equal(key, OneTimePassword.FromBase32(text.ToLowerInvariant()));
    }
}
