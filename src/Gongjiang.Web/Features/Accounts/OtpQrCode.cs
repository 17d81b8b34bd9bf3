using QRCoder;

namespace Gongjiang.Web.Features.Accounts;

/// <summary>
/// The QR code of the second factor: the otpauth URI (key URI format of Google Authenticator, read by every TOTP app) as
/// a PNG in a data: URI, so the page needs no script and no inline style (the content security policy allows data:
/// images only).
/// </summary>
public static class OtpQrCode
{
    public static string DataUri(string otpauthUri)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(otpauthUri, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(6);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
