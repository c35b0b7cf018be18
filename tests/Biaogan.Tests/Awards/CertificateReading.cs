using System.Diagnostics;
using SkiaSharp;
using ZXing;

namespace Biaogan.Tests.Awards;

/// <summary>Reads a certificate as a person would: QR decoding (ZXing.Net) and the page rendered by poppler.</summary>
public static class CertificateReading
{
    /// <summary>The text of the first QR code found in a PNG, or null.</summary>
    public static string? DecodeQr(byte[] png)
    {
        using var bitmap = SKBitmap.Decode(png) ?? throw new InvalidOperationException("not an image");
        var gray = new byte[bitmap.Width * bitmap.Height];
        var pixels = bitmap.Pixels;
        for (var i = 0; i < pixels.Length; i++)
        {
            var p = pixels[i];
            // Transparent pixels are paper (white).
            gray[i] = p.Alpha < 128 ? (byte)255 : (byte)((p.Red * 299 + p.Green * 587 + p.Blue * 114) / 1000);
        }
        var source = new RGBLuminanceSource(gray, bitmap.Width, bitmap.Height, RGBLuminanceSource.BitmapFormat.Gray8);
        var reader = new BarcodeReaderGeneric { Options = { PossibleFormats = [BarcodeFormat.QR_CODE], TryHarder = true } };
        // ZXing's finder-pattern detector now and then misses a perfectly drawn code whose data modules happen to look like
        // a finder pattern (the verification code is random, so one CI run in many drew such a code). An image that is
        // nothing but the code is then read in ZXing's pure-barcode mode, as a phone's scanner would still read it.
        return reader.Decode(source)?.Text
            ?? new BarcodeReaderGeneric { Options = { PossibleFormats = [BarcodeFormat.QR_CODE], PureBarcode = true } }.Decode(source)?.Text;
    }

    /// <summary>The first page of a PDF as a PNG, rendered by poppler's pdftoppm at <paramref name="dpi"/>.</summary>
    public static byte[] Rasterise(byte[] pdf, int dpi = 150)
    {
        var dir = Directory.CreateTempSubdirectory("biaogan-cert-").FullName;
        var path = Path.Combine(dir, "cert.pdf");
        File.WriteAllBytes(path, pdf);
        var psi = new ProcessStartInfo("pdftoppm", ["-png", "-r", dpi.ToString(), "-singlefile", path, Path.Combine(dir, "page")])
            { RedirectStandardError = true };
        using var p = Process.Start(psi)!;
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, "pdftoppm failed: " + p.StandardError.ReadToEnd());
        return File.ReadAllBytes(Path.Combine(dir, "page.png"));
    }

}
