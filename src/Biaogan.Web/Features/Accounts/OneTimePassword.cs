using System.Buffers.Binary;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace Biaogan.Web.Features.Accounts;

/// <summary>
/// Time-based one-time passwords (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits) — what authenticator
/// apps show. Kept here rather than Identity's own provider because Identity reads the machine clock,
/// and every time in this system comes from the injected <see cref="TimeProvider"/>.
/// </summary>
public static class OneTimePassword
{
    public const int StepSeconds = 30;

    public static string Compute(byte[] key, DateTimeOffset at) => Compute(key, at.ToUnixTimeSeconds() / StepSeconds);

    /// <summary>Accepts the code of the current step and of one step either side (phone clocks drift).</summary>
    public static bool Verify(byte[] key, string code, DateTimeOffset at) => MatchingStep(key, code, at) is not null;

    /// <summary>The time step (of the current one and one either side) whose code this is, or null.</summary>
    public static long? MatchingStep(byte[] key, string code, DateTimeOffset at)
    {
        if (code.Length != 6 || !code.All(char.IsAsciiDigit)) return null;
        var step = at.ToUnixTimeSeconds() / StepSeconds;
        long? match = null;
        for (var i = -1; i <= 1; i++)
            if (CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(Compute(key, step + i)),
                    System.Text.Encoding.ASCII.GetBytes(code)))
                match ??= step + i;
        return match;
    }

    private static string Compute(byte[] key, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        Span<byte> hash = stackalloc byte[20];
        HMACSHA1.HashData(key, counter, hash);
        var offset = hash[19] & 0x0f;
        var binary = (BinaryPrimitives.ReadInt32BigEndian(hash[offset..]) & 0x7fffffff) % 1_000_000;
        return binary.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>RFC 4648 base32 (the form of the shared key an authenticator app is given).</summary>
    public static byte[] FromBase32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var clean = text.Trim().TrimEnd('=').Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        var output = new List<byte>(clean.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in clean)
        {
            var v = alphabet.IndexOf(c);
            if (v < 0) throw new FormatException("密钥不是有效的 Base32 文本。");
            buffer = (buffer << 5) | v;
            bits += 5;
            if (bits < 8) continue;
            bits -= 8;
            output.Add((byte)(buffer >> bits));
            buffer &= (1 << bits) - 1;
        }
        return [.. output];
    }
}

/// <summary>
/// Identity's authenticator (TOTP) provider, on the injected clock. A code is accepted once: the last accepted
/// time step is kept per user (AspNetUserTokens) and a code of that step or an earlier one is refused, so a
/// code seen over someone's shoulder or replayed from a log cannot be used again within its window.
/// </summary>
public sealed class ClockedAuthenticatorTokenProvider(TimeProvider clock) : IUserTwoFactorTokenProvider<AppUser>
{
    private const string Store = "[Biaogan]";
    private const string LastStepName = "LastTotpStep";

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<AppUser> manager, AppUser user) =>
        !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));

    /// <summary>The code comes from the person's authenticator app; the server never sends one.</summary>
    public Task<string> GenerateAsync(string purpose, UserManager<AppUser> manager, AppUser user) => Task.FromResult(string.Empty);

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<AppUser> manager, AppUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrWhiteSpace(key)) return false;
        var step = OneTimePassword.MatchingStep(OneTimePassword.FromBase32(key), token.Replace(" ", "", StringComparison.Ordinal), clock.GetUtcNow());
        if (step is null || step <= await LastStepAsync(manager, user)) return false;
        // Saved with the user's concurrency stamp: of two simultaneous uses of one code only one succeeds.
        return (await manager.SetAuthenticationTokenAsync(user, Store, LastStepName, step.Value.ToString(System.Globalization.CultureInfo.InvariantCulture))).Succeeded;
    }

    /// <summary>Whether a right code was refused only because it (or a later one) was already used.</summary>
    public static async Task<bool> WasUsedAsync(UserManager<AppUser> manager, AppUser user, string code, DateTimeOffset now)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrWhiteSpace(key)) return false;
        return OneTimePassword.MatchingStep(OneTimePassword.FromBase32(key), code, now) is { } step && step <= await LastStepAsync(manager, user);
    }

    private static async Task<long> LastStepAsync(UserManager<AppUser> manager, AppUser user) =>
        long.TryParse(await manager.GetAuthenticationTokenAsync(user, Store, LastStepName), out var last) ? last : long.MinValue;
}
