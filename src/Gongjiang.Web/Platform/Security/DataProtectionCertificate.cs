using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;
using System.Xml;
using System.Xml.Linq;
using Gongjiang.Web.Platform.Data;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace Gongjiang.Web.Platform.Security;

/// <summary>
/// The certificate that encrypts the data-protection keys at rest (they sign the sign-in cookies and antiforgery
/// tokens, and are shared by every node through the database). From <c>DataProtection:CertificatePath</c> (a PKCS#12
/// file with its private key) and <c>DataProtection:CertificatePassword</c>; in demo mode without one, a self-signed
/// certificate made once in the data folder. Outside demo mode without one the keys are stored unencrypted and the
/// start says so (等保: configure one).
/// </summary>
public sealed class DataProtectionCertificate
{
    public const string DemoFileName = "dataprotection-demo.pfx";

    private DataProtectionCertificate(X509Certificate2? certificate) => Certificate = certificate;

    public X509Certificate2? Certificate { get; }

    public static DataProtectionCertificate Load(IConfiguration configuration, PlatformSettings settings, TimeProvider clock)
    {
        var path = configuration["DataProtection:CertificatePath"];
        if (!string.IsNullOrWhiteSpace(path))
        {
            return new DataProtectionCertificate(Open(path, configuration["DataProtection:CertificatePassword"]));
        }

        if (!settings.DemoMode)
        {
            return new DataProtectionCertificate(null);
        }

        var demo = Path.Combine(settings.DataFolder, DemoFileName);
        if (!File.Exists(demo))
        {
            using var rsa = RSA.Create(2048);
            var request = new CertificateRequest("CN=Gongjiang demo data protection", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            var now = clock.GetUtcNow();
            using var created = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(50));
            File.WriteAllBytes(demo, created.Export(X509ContentType.Pkcs12));
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(demo, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }

        return new DataProtectionCertificate(Open(demo, null));
    }

    private static X509Certificate2 Open(string path, string? password)
    {
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"配置项 DataProtection:CertificatePath 指向的证书文件“{path}”不存在。");
        }

        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password);
        }
        catch (CryptographicException ex)
        {
            throw new InvalidOperationException($"无法读取数据保护证书“{path}”（PKCS#12 格式，含私钥）：请检查文件与 DataProtection:CertificatePassword。{ex.Message}", ex);
        }

        if (!certificate.HasPrivateKey || certificate.GetRSAPrivateKey() is null)
        {
            certificate.Dispose();
            throw new InvalidOperationException($"数据保护证书“{path}”须为含私钥的 RSA 证书。");
        }

        return certificate;
    }
}

internal static class DataProtectionKeyProtection
{
    /// <summary>Keys are encrypted with the certificate when there is one (read when first needed, like the settings).</summary>
    public static IServiceCollection AddDataProtectionCertificate(this IServiceCollection services)
    {
        services.AddSingleton(sp => DataProtectionCertificate.Load(
            sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<PlatformSettings>(), sp.GetRequiredService<TimeProvider>()));
        services.AddOptions<KeyManagementOptions>().Configure<DataProtectionCertificate, ILoggerFactory>((options, certificate, logs) =>
        {
            if (certificate.Certificate is { } c)
            {
                options.XmlEncryptor = new CertificateKeyEncryptor(c, logs);
            }
        });
        return services;
    }
}

/// <summary>
/// Encrypts a data-protection key with the certificate (XML Encryption, as ASP.NET Core's own certificate encryptor) and
/// names <see cref="CertificateKeyDecryptor"/> as its decryptor, which finds the certificate among this application's
/// services — ASP.NET Core's would look for it in the machine's certificate stores.
/// </summary>
internal sealed class CertificateKeyEncryptor(X509Certificate2 certificate, ILoggerFactory logs) : IXmlEncryptor
{
    private readonly CertificateXmlEncryptor _inner = new(certificate, logs);

    public EncryptedXmlInfo Encrypt(XElement plaintextElement) => new(_inner.Encrypt(plaintextElement).EncryptedElement, typeof(CertificateKeyDecryptor));
}

/// <summary>Decrypts what <see cref="CertificateKeyEncryptor"/> wrote, with the configured certificate's private key.</summary>
public sealed class CertificateKeyDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        var certificate = services.GetRequiredService<DataProtectionCertificate>().Certificate
            ?? throw new InvalidOperationException("数据保护密钥已用证书加密，但未配置 DataProtection:CertificatePath，无法解密。");
        var document = new XmlDocument { PreserveWhitespace = true };
        using (var reader = new XElement("root", encryptedElement).CreateReader())
        {
            document.Load(reader);
        }

        new CertificateEncryptedXml(document, certificate).DecryptDocument();
        using var subtree = document.DocumentElement!.FirstChild!.CreateNavigator()!.ReadSubtree();
        return XElement.Load(subtree);
    }

    private sealed class CertificateEncryptedXml(XmlDocument document, X509Certificate2 certificate) : EncryptedXml(document)
    {
        public override byte[]? DecryptEncryptedKey(EncryptedKey encryptedKey)
        {
            var rsa = certificate.GetRSAPrivateKey();
            return rsa is null || encryptedKey.CipherData.CipherValue is null
                ? base.DecryptEncryptedKey(encryptedKey)
                : DecryptKey(encryptedKey.CipherData.CipherValue, rsa, encryptedKey.EncryptionMethod?.KeyAlgorithm == XmlEncRSAOAEPUrl);
        }
    }
}
