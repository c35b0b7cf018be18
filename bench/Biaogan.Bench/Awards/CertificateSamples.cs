using Biaogan.Web.Features.Awards;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Infrastructure.Pdf;
using SkiaSharp;

namespace Biaogan.Bench.Awards;

/// <summary>The certificate measured (a 服务类 award with a long name, the QR code and a 600×600 PNG seal) and its baseline.</summary>
public static class CertificateSamples
{
    public const string BaseUrl = "https://biaogan.example.cn";

    public static Award Award() => new(Guid.NewGuid(), 2026, Guid.NewGuid(), Guid.NewGuid(), "样张城乡供水集团股份有限公司",
        AwardCategory.Service, "城乡一体化供水及二次供水服务", 7, new DateTimeOffset(2026, 7, 23, 10, 0, 0, TimeSpan.FromHours(8)));

    /// <summary>A round red ring as a stand-in seal image (not an imitation of any real seal).</summary>
    public static byte[] Seal()
    {
        using var surface = SKSurface.Create(new SKImageInfo(600, 600, SKColorType.Rgba8888, SKAlphaType.Premul));
        surface.Canvas.Clear(SKColors.Transparent);
        using var paint = new SKPaint { Color = new SKColor(0xC0, 0x10, 0x10), IsStroke = true, StrokeWidth = 22, IsAntialias = true };
        surface.Canvas.DrawCircle(300, 300, 270, paint);
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>The same landscape page with the frame and one line of text: what the page machinery alone costs.</summary>
    public static PdfSheet Baseline() => new("基线", PdfSheet.A4LandscapeWidth, PdfSheet.A4LandscapeHeight,
    [
        new PdfFrame(18, 18, PdfSheet.A4LandscapeWidth - 36, PdfSheet.A4LandscapeHeight - 36, 0xFFA1191F, 4f),
        new PdfText("证书", PdfSheet.A4LandscapeWidth / 2, 132, 46, Bold: true, Align: PdfAlign.Center),
    ]);
}
