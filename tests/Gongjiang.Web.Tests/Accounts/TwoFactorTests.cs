using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Gongjiang.Web.Platform.Data;
using Gongjiang.Web.Platform.Identity;
using Gongjiang.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjiang.Web.Tests.Accounts;

/// <summary>The optional TOTP second factor (RFC 6238, 6 digits, 30 s), on the token API.</summary>
public abstract class TwoFactorTests(DatabaseProvider provider) : IDisposable
{
    private readonly TestApp _app = new(provider);

    [Fact]
    public async Task Account_with_second_factor_needs_the_current_code_for_a_token()
    {
        string key;
        using (var scope = _app.Services.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<HttpCurrentActor>().Use(Actor.System("test"));
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByNameAsync("supervisor"))!;
            await users.ResetAuthenticatorKeyAsync(user);
            key = (await users.GetAuthenticatorKeyAsync(user))!;
            await users.SetTwoFactorEnabledAsync(user, true);
        }

        using var client = _app.CreateClient();
        var withoutCode = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "supervisor", password = TestApp.Password });
        var wrongCode = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "supervisor", password = TestApp.Password, otp = "000000" == Totp(key) ? "111111" : "000000" });
        var rightCode = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "supervisor", password = TestApp.Password, otp = Totp(key) });

        Assert.Equal(HttpStatusCode.Unauthorized, withoutCode.StatusCode);
        Assert.Contains("动态验证码", await withoutCode.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongCode.StatusCode);
        Assert.Equal(HttpStatusCode.OK, rightCode.StatusCode);
    }

    /// <summary>RFC 6238 TOTP with HMAC-SHA1 over the Base32 key, as authenticator apps compute it.</summary>
    private static string Totp(string base32Key)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = string.Concat(base32Key.TrimEnd('=').ToUpperInvariant().Select(c => Convert.ToString(alphabet.IndexOf(c, StringComparison.Ordinal), 2).PadLeft(5, '0')));
        var key = Enumerable.Range(0, bits.Length / 8).Select(i => Convert.ToByte(bits.Substring(i * 8, 8), 2)).ToArray();
        var counter = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30;
        var message = BitConverter.GetBytes(counter);
        if (BitConverter.IsLittleEndian)
        {
            Array.Reverse(message);
        }

#pragma warning disable CA5350 // RFC 6238 specifies HMAC-SHA1; this mirrors what authenticator apps compute.
        var hash = HMACSHA1.HashData(key, message);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0F;
        var code = ((hash[offset] & 0x7F) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (code % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose()
    {
        _app.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class TwoFactorTestsOnPostgres() : TwoFactorTests(DatabaseProvider.Postgres);

public sealed class TwoFactorTestsOnSqlite() : TwoFactorTests(DatabaseProvider.Sqlite);
