using Gongjiang.Web.Platform.Data;
using Gongjiang.Web.Platform.Identity;
using Gongjiang.Web.Platform.Security;
using Gongjiang.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjiang.Web.Tests.Production;

/// <summary>
/// Issue 8: every start warned that the data-protection keys (which sign the sign-in cookies and tokens) are stored
/// unencrypted. They are encrypted with a certificate — the configured one, or in demo mode one made in the data folder —
/// and read back with it.
/// </summary>
public sealed class DataProtectionKeyTests
{
    [Theory]
    [InlineData(true)]   // demo mode, no certificate configured: one is made in the data folder
    [InlineData(false)]  // DataProtection:CertificatePath
    public async Task Keys_are_stored_encrypted_with_the_certificate_read_back_and_nothing_warns(bool demoCertificate)
    {
        using var app = new TestApp(DatabaseProvider.Sqlite, demoCertificate: demoCertificate);
        await app.TokenAsync("clerk"); // a bearer token needs a key

        await using var db = app.CreateContext(Actor.System("test"));
        var stored = await db.DataProtectionKeys.Select(k => k.Xml).ToListAsync();
        var keys = app.Services.GetRequiredService<IKeyManager>().GetAllKeys();
        var folder = app.Services.GetRequiredService<PlatformSettings>().DataFolder;

        Assert.NotEmpty(stored);
        Assert.All(stored, xml => Assert.Contains("EncryptedData", xml, StringComparison.Ordinal));
        Assert.All(stored, xml => Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal));
        Assert.All(keys, k => Assert.NotNull(k.Descriptor)); // decrypted with the certificate
        Assert.Equal(demoCertificate, File.Exists(Path.Combine(folder, DataProtectionCertificate.DemoFileName)));
        Assert.DoesNotContain(app.Warnings, w => w.Contains("DataProtection", StringComparison.Ordinal));
    }
}
