using System.Security.Cryptography;
using System.Text;
using Gongjiang.Web.Platform.Data;

namespace Gongjiang.Web.Features.Registry.Protection;

/// <summary>
/// Keeps citizen ID numbers matchable without being readable (ADR 0005): a keyed hash (HMAC-SHA256) for exact lookup
/// and uniqueness, AES-256-GCM ciphertext for the roles with need, and the masked form for everyone else. Both keys
/// come from configuration (<c>Registry:IdHashKey</c>, <c>Registry:IdEncryptionKey</c>), never from the database.
/// </summary>
public sealed class IdNumberProtector
{
    private readonly byte[] _hashKey;
    private readonly byte[] _encryptionKey;

    public IdNumberProtector(byte[] hashKey, byte[] encryptionKey)
    {
        if (hashKey.Length < 32 || encryptionKey.Length != 32)
        {
            throw new InvalidOperationException("公民身份号码保护密钥长度不正确：Registry:IdHashKey 至少32字节，Registry:IdEncryptionKey 必须为32字节（Base64 编码）。");
        }

        _hashKey = hashKey;
        _encryptionKey = encryptionKey;
    }

    /// <summary>Lookup key of a normalised 18-character ID number: lower-case hex, 64 characters.</summary>
    public string Hash(string idNumber) => Convert.ToHexStringLower(HMACSHA256.HashData(_hashKey, Encoding.ASCII.GetBytes(idNumber)));

    /// <summary>Base64 of nonce (12) | tag (16) | ciphertext (18).</summary>
    public string Protect(string idNumber)
    {
        var plain = Encoding.ASCII.GetBytes(idNumber);
        var output = new byte[12 + 16 + plain.Length];
        var nonce = output.AsSpan(0, 12);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_encryptionKey, 16);
        aes.Encrypt(nonce, plain, output.AsSpan(28), output.AsSpan(12, 16));
        return Convert.ToBase64String(output);
    }

    public string Unprotect(string protectedValue)
    {
        var input = Convert.FromBase64String(protectedValue);
        var plain = new byte[input.Length - 28];
        using var aes = new AesGcm(_encryptionKey, 16);
        aes.Decrypt(input.AsSpan(0, 12), input.AsSpan(28), input.AsSpan(12, 16), plain);
        return Encoding.ASCII.GetString(plain);
    }

    public static IdNumberProtector Load(IConfiguration configuration, PlatformSettings settings)
    {
        var hash = Key(configuration, settings, "Registry:IdHashKey", "id-hash.key", 32);
        var encryption = Key(configuration, settings, "Registry:IdEncryptionKey", "id-encryption.key", 32);
        return new IdNumberProtector(hash, encryption);
    }

    private static byte[] Key(IConfiguration configuration, PlatformSettings settings, string name, string file, int length)
    {
        var configured = configuration[name];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            try
            {
                return Convert.FromBase64String(configured);
            }
            catch (FormatException)
            {
                throw new InvalidOperationException($"配置项 {name} 不是有效的 Base64（可用 openssl rand -base64 32 生成）。");
            }
        }

        if (!settings.DemoMode)
        {
            throw new InvalidOperationException($"未配置 {name}。生产环境必须配置（openssl rand -base64 32），妥善保管在数据库以外，且一经使用不可更换。");
        }

        var path = Path.Combine(settings.DataFolder, file);
        if (!File.Exists(path))
        {
            File.WriteAllText(path, Convert.ToBase64String(RandomNumberGenerator.GetBytes(length)));
        }

        return Convert.FromBase64String(File.ReadAllText(path).Trim());
    }
}
