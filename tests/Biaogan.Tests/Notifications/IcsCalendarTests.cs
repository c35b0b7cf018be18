using Biaogan.Tests.Infrastructure;
using System.Text;
using Biaogan.Web.Infrastructure.Mail;

namespace Biaogan.Tests.Notifications;

/// <summary>The hand-written iCalendar file (RFC 5545) of a site visit: folding, escaping and the China time zone.</summary>
[NoDatabase]
public class IcsCalendarTests
{
    [Fact]
    public void A_long_Chinese_line_is_folded_at_75_octets_without_splitting_a_character_and_unfolds_to_the_original()
    {
        var summary = "全国用户满意标杆现场评审：" + string.Concat(Enumerable.Repeat("示例科技股份有限公司客户服务中心", 4));
        var ics = IcsCalendar.Write([new IcsEvent("u1@biaogan", new DateOnly(2027, 4, 12), new(9, 0), new(17, 0), summary, "北京市海淀区", "说明")],
            new DateTimeOffset(2026, 12, 6, 1, 2, 3, TimeSpan.Zero));
        var physical = ics.Split("\r\n");
        Assert.All(physical, l => Assert.True(Encoding.UTF8.GetByteCount(l) <= 75, l));
        Assert.DoesNotContain('\uFFFD', Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(ics)));
        var unfolded = ics.Replace("\r\n ", "").Split("\r\n");
        Assert.Contains("SUMMARY:" + summary, unfolded);
        Assert.Contains("DTSTAMP:20261206T010203Z", unfolded);
        Assert.Contains("DTSTART;TZID=Asia/Shanghai:20270412T090000", unfolded);
        Assert.Contains("TZOFFSETTO:+0800", unfolded);
    }

    [Fact]
    public void Commas_semicolons_backslashes_and_line_breaks_in_text_are_escaped()
    {
        Assert.Equal(@"甲\,乙\;丙\\丁\n戊", IcsCalendar.Escape("甲,乙;丙\\丁\n戊"));
    }
}
