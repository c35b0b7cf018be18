using Microsoft.Extensions.Caching.Memory;

namespace Biaogan.Web.Features.Accounts;

/// <summary>
/// Failed sign-ins for an address that has no usable account (none at all, or a disabled one and a wrong
/// password) are counted per address and “lock” after the same number of tries and for the same time as a
/// real account does, so the login page's answers do not tell which addresses are registered.
/// Counted in this node's memory: an attacker spread over several nodes learns no more than that.
/// </summary>
public sealed class UnknownAccountLockout(IMemoryCache cache, TimeProvider clock, Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Identity.IdentityOptions> identity)
{
    private sealed class Counter
    {
        public int Failures;
        public DateTimeOffset? LockedUntil;
    }

    /// <summary>Records one failed try; returns when the address is locked until, as a real account would be.</summary>
    public DateTimeOffset? Fail(string email)
    {
        var lockout = identity.Value.Lockout;
        var now = clock.GetUtcNow();
        var key = "unknown-login:" + email.Trim().ToUpperInvariant();
        var counter = cache.GetOrCreate(key, e =>
        {
            e.SlidingExpiration = lockout.DefaultLockoutTimeSpan + TimeSpan.FromMinutes(1);
            return new Counter();
        })!;
        lock (counter)
        {
            if (counter.LockedUntil is { } until)
            {
                if (until > now) return until;
                counter.LockedUntil = null;
                counter.Failures = 0;
            }
            if (++counter.Failures < lockout.MaxFailedAccessAttempts) return null;
            counter.Failures = 0;
            counter.LockedUntil = now + lockout.DefaultLockoutTimeSpan;
            return counter.LockedUntil;
        }
    }
}
