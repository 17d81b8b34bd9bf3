using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Gongjiang.Web.Tests.Infrastructure;

/// <summary>
/// A PKCS#12 certificate with its private key and a password, made once per test run, for
/// <c>DataProtection:CertificatePath</c> (the test apps share it; a production deployment brings its own).
/// </summary>
public static class TestCertificate
{
    public const string Password = "Test#Cert2026";

    private static readonly Lazy<string> File = new(Create, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string Path => File.Value;

    private static string Create()
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "gongjiang-test-dp-" + Guid.NewGuid().ToString("N")[..8] + ".pfx");
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=Gongjiang test data protection", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(5));
        System.IO.File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, Password));
        AppDomain.CurrentDomain.ProcessExit += (_, _) => System.IO.File.Delete(path);
        return path;
    }
}
