using System.Buffers.Binary;
using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Tests.Accounts;

/// <summary>The app exactly as configured for production: no test hook lowers the password hasher's work factor.</summary>
public sealed class DefaultHashingAppFactory : AppFactory
{
    protected override int? PasswordIterations => null;
}

/// <summary>
/// Passwords are stored with ASP.NET Identity's strong PBKDF2 default. The other test hosts lower the iteration count
/// to keep the suite fast (AppFactory.PasswordIterations); this host does not, so it sees what production stores.
/// </summary>
public class PasswordHashingTests(DefaultHashingAppFactory app) : IClassFixture<DefaultHashingAppFactory>
{
    [Fact]
    public async Task A_stored_password_is_hashed_with_at_least_100000_PBKDF2_iterations_and_still_signs_in()
    {
        var person = await Cast.ApplicantAsync(app, "口令强度测试有限公司");
        var hash = await app.WithDbAsync(db => db.Users.AsNoTracking().Where(u => u.Id == person.UserId).Select(u => u.PasswordHash).SingleAsync());

        // Identity's version-3 format: 0x01, PRF (4 bytes), iteration count (4 bytes, big-endian), salt length, salt, subkey.
        var bytes = Convert.FromBase64String(hash!);
        Assert.Equal(0x01, bytes[0]);
        var iterations = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(5, 4));
        Assert.Equal(new PasswordHasherOptions().IterationCount, iterations);
        Assert.True(iterations >= 100_000, $"口令只做了 {iterations} 次 PBKDF2 迭代");

        await Cast.SignInAsync(app, person);
    }
}
