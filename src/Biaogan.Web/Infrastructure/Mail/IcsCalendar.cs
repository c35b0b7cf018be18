using System.Globalization;
using System.Text;

namespace Biaogan.Web.Infrastructure.Mail;

/// <summary>One day of an event in China Standard Time, e.g. a 现场评审 day from 09:00 to 17:00.</summary>
public sealed record IcsEvent(string Uid, DateOnly Day, TimeOnly Start, TimeOnly End, string Summary, string Location, string Description);

/// <summary>
/// Writes an iCalendar file (RFC 5545) by hand — it is small and a library would be a dependency for twenty lines.
/// Times carry TZID=Asia/Shanghai with the zone defined inside the file (a fixed +08:00 without daylight saving), so
/// every calendar program shows the visit on the right day wherever the reader is. Lines end in CRLF and are folded
/// at 75 octets without splitting a UTF-8 character, as the RFC requires.
/// </summary>
public static class IcsCalendar
{
    public const string TimeZone = "Asia/Shanghai";
    public const string ContentType = "text/calendar; method=PUBLISH; charset=utf-8";

    public static MailAttachment Attachment(string fileName, IEnumerable<IcsEvent> events, DateTimeOffset stamp) =>
        new(fileName, ContentType, Write(events, stamp));

    public static string Write(IEnumerable<IcsEvent> events, DateTimeOffset stamp)
    {
        var lines = new List<string>
        {
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//CAQ//Biaogan//ZH", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
            "BEGIN:VTIMEZONE", "TZID:" + TimeZone, "BEGIN:STANDARD", "DTSTART:19700101T000000", "TZOFFSETFROM:+0800",
            "TZOFFSETTO:+0800", "TZNAME:CST", "END:STANDARD", "END:VTIMEZONE",
        };
        var dtStamp = stamp.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        foreach (var e in events)
        {
            lines.AddRange(
            [
                "BEGIN:VEVENT", "UID:" + e.Uid, "DTSTAMP:" + dtStamp,
                $"DTSTART;TZID={TimeZone}:{Local(e.Day, e.Start)}", $"DTEND;TZID={TimeZone}:{Local(e.Day, e.End)}",
                "SUMMARY:" + Escape(e.Summary), "LOCATION:" + Escape(e.Location), "DESCRIPTION:" + Escape(e.Description),
                "END:VEVENT",
            ]);
        }
        lines.Add("END:VCALENDAR");
        var text = new StringBuilder();
        foreach (var line in lines) text.Append(Fold(line));
        return text.ToString();
    }

    private static string Local(DateOnly day, TimeOnly time) =>
        day.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "T" + time.ToString("HHmmss", CultureInfo.InvariantCulture);

    /// <summary>TEXT values escape backslash, semicolon, comma and line breaks (RFC 5545 §3.3.11).</summary>
    public static string Escape(string text) => text.Replace("\\", "\\\\").Replace(";", "\\;").Replace(",", "\\,")
        .ReplaceLineEndings("\n").Replace("\n", "\\n");

    /// <summary>Lines longer than 75 octets continue on the next line after CRLF and one space (§3.1).</summary>
    public static string Fold(string line)
    {
        var result = new StringBuilder();
        var octets = 0;
        var limit = 75;
        var e = StringInfo.GetTextElementEnumerator(line);
        while (e.MoveNext())
        {
            var element = (string)e.Current;
            var size = Encoding.UTF8.GetByteCount(element);
            if (octets + size > limit)
            {
                result.Append("\r\n ");
                octets = 0;
                limit = 74; // the leading space counts
            }
            result.Append(element);
            octets += size;
        }
        return result.Append("\r\n").ToString();
    }
}
