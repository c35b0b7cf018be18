using Biaogan.Web.Infrastructure.Pdf;
using Biaogan.Web.Infrastructure.Time;

namespace Biaogan.Web.Features.Awards;

/// <summary>
/// 全国用户满意标杆证书 (第三十一条) on one A4 landscape page: number, wording, issuer and date, the office's seal image when
/// one is uploaded (otherwise the issuer's name alone — never an imitation seal), and a QR code of the verification link.
/// </summary>
public static class CertificatePdf
{
    private const uint Red = 0xFFA1191F, Gold = 0xFFB8893B, Ink = 0xFF1F2328, Grey = 0xFF5B636E;

    /// <summary>The verification link printed in the QR code: https://host/Public/Verify/{number}?code={code}.</summary>
    public static string VerificationUrl(string baseUrl, Award award) =>
        $"{baseUrl.TrimEnd('/')}/Public/Verify/{Uri.EscapeDataString(award.CertificateNumber)}?code={Uri.EscapeDataString(award.VerificationCode)}";

    /// <summary>“经评定，……被评为2025年度全国用户满意标杆（企业类）。”</summary>
    public static string Wording(Award award) => award.Category == Cycles.AwardCategory.Service && !string.IsNullOrWhiteSpace(award.ServiceName)
        ? $"经评定，{award.OrganizationName}“{award.ServiceName}”被评为{award.Year}年度全国用户满意标杆（服务类）。"
        : $"经评定，{award.OrganizationName}被评为{award.Year}年度全国用户满意标杆（{Cycles.Cycle.CategoryDisplay(award.Category)}）。";

    public static PdfSheet Sheet(Award award, string baseUrl, byte[]? seal)
    {
        const float w = PdfSheet.A4LandscapeWidth, h = PdfSheet.A4LandscapeHeight;
        var issued = ChinaTime.ToChina(award.GrantedAt);
        var url = VerificationUrl(baseUrl, award);
        var marks = new List<PdfMark>
        {
            new PdfFrame(18, 18, w - 36, h - 36, Red, 4f),
            new PdfFrame(28, 28, w - 56, h - 56, Gold, 1.2f),
            new PdfText($"证书编号：{award.CertificateNumber}", w - 70, 70, 11, Align: PdfAlign.Right, Color: Grey),
            new PdfText("证　　书", w / 2, 132, 46, Bold: true, Align: PdfAlign.Center, Color: Red),
            new PdfText("全国用户满意标杆", w / 2, 176, 20, Align: PdfAlign.Center, Color: Gold),
            new PdfText($"\u3000\u3000{Wording(award)}\n\u3000\u3000特发此证。", 110, 250, 20, Color: Ink, WrapWidth: w - 220, LineSpacing: 1.9f),
            new PdfText(AwardSettings.Issuer, w - 150, 448, 19, Bold: true, Align: PdfAlign.Center, Color: Ink),
            new PdfText(ChineseDate(DateOnly.FromDateTime(issued.DateTime)), w - 150, 482, 16, Align: PdfAlign.Center, Color: Ink),
            new PdfModules(CertificateQr.Modules(url), 70, 412, 96),
            new PdfText("扫码核验证书真伪", 118, 522, 9.5f, Align: PdfAlign.Center, Color: Grey),
            new PdfText($"核验码：{award.VerificationCode}", 178, 450, 10, Color: Grey),
            new PdfText($"核验网址：{baseUrl.TrimEnd('/')}/Public/Verify", 178, 468, 10, Color: Grey),
        };
        // The seal sits over the issuer's name and date, as a stamped certificate has it.
        if (seal is not null) marks.Add(new PdfImage(seal, w - 215, 392, 130, 130));
        return new PdfSheet($"全国用户满意标杆证书 {award.CertificateNumber}", w, h, marks);
    }

    public static byte[] Render(Award award, string baseUrl, byte[]? seal) => Sheet(award, baseUrl, seal).Render();

    public static string FileName(Award award) => $"全国用户满意标杆证书-{award.CertificateNumber}.pdf";

    private static readonly string[] Digits = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

    /// <summary>二〇二五年十二月十日 — the formal date of a certificate.</summary>
    public static string ChineseDate(DateOnly d)
    {
        var year = string.Concat(d.Year.ToString().Select(c => Digits[c - '0']));
        return $"{year}年{Number(d.Month)}月{Number(d.Day)}日";
    }

    private static string Number(int n) => n switch
    {
        < 10 => Digits[n],
        10 => "十",
        < 20 => "十" + Digits[n - 10],
        _ => Digits[n / 10] + "十" + (n % 10 == 0 ? "" : Digits[n % 10]),
    };
}
