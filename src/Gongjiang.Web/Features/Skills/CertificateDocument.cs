using QRCoder;

namespace Gongjiang.Web.Features.Skills;

/// <summary>The certificate page's QR code: the public verification link as a PNG data: URI (no script, CSP allows data: images).</summary>
public static class CertificateDocument
{
    public static string QrDataUri(string link) => "data:image/png;base64," + Convert.ToBase64String(QrPng(link));

    public static byte[] QrPng(string link)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(link, QRCodeGenerator.ECCLevel.M);
        return new PngByteQRCode(data).GetGraphic(6);
    }
}
