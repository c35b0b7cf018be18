using QRCoder;

namespace Biaogan.Web.Features.Awards;

/// <summary>The QR code printed on a certificate: the verification link, error correction level M, with its quiet zone.</summary>
public static class CertificateQr
{
    /// <summary>The modules (true = dark), quiet zone of four modules included.</summary>
    public static bool[,] Modules(string url)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        var n = matrix.Count;
        var dark = new bool[n, n];
        for (var r = 0; r < n; r++)
            for (var c = 0; c < n; c++)
                dark[r, c] = matrix[r][c];
        return dark;
    }

    /// <summary>The same code as a black-and-white PNG, <paramref name="pixelsPerModule"/> pixels per module.</summary>
    public static byte[] Png(string url, int pixelsPerModule = 8)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        return new PngByteQRCode(data).GetGraphic(pixelsPerModule);
    }
}
