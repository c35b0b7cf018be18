using System.Text;
using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Criteria;
using Biaogan.Web.Infrastructure.Errors;

namespace Biaogan.Tests.Criteria;

/// <summary>JSON export and import: exact round trip, and Chinese messages for broken files.</summary>
[NoDatabase]
public class CriteriaJsonTests
{
    [Fact]
    public void The_shipped_template_files_are_exactly_what_export_writes()
    {
        foreach (var file in Directory.GetFiles(DataFolder(), "*.json"))
        {
            var text = File.ReadAllText(file);
            Assert.Equal(text, CriteriaJson.Write(CriteriaJson.Read(text)));
        }
    }

    [Fact]
    public void Export_import_export_is_byte_for_byte_the_same()
    {
        var doc = CriteriaBuilders.Small() with { Note = "第一行\n第二行 “引号” <标签> & 符号" };
        var first = CriteriaJson.WriteBytes(doc);
        var again = CriteriaJson.WriteBytes(CriteriaJson.Read(new MemoryStream(first)));
        Assert.Equal(first, again);
        Assert.Contains("\"kind\": \"Process\"", Encoding.UTF8.GetString(first));
        Assert.Contains("“引号” <标签> & 符号", Encoding.UTF8.GetString(first));
    }

    [Fact]
    public void Import_trims_text_and_unifies_line_ends()
    {
        var json = CriteriaJson.Write(CriteriaBuilders.Small("T/X 1")).Replace("\"测试评价准则\"", "\"  测试评价准则 \"").Replace("\"测试说明\"", "\"甲\\r\\n乙\"");
        var doc = CriteriaJson.Read(json);
        Assert.Equal("测试评价准则", doc.Title);
        Assert.Equal("甲\n乙", doc.Note);
    }

    [Fact]
    public void A_file_with_broken_syntax_is_refused_with_its_line()
    {
        var json = CriteriaJson.Write(CriteriaBuilders.Small()).Replace("\"points\": 30,", "\"points\": 三十,");
        var ex = Assert.Throws<DomainRuleException>(() => CriteriaJson.Read(json));
        Assert.StartsWith("JSON 文件格式有误：第 ", ex.Message);
        Assert.Contains("分值必须是整数", ex.Message);
    }

    [Fact]
    public void A_file_missing_required_fields_lists_them()
    {
        var ex = Assert.Throws<DomainRuleException>(() => CriteriaJson.Read("{ \"title\": \"某准则\", \"categories\": [ { \"code\": \"1\", \"items\": [ { \"code\": \"1.1\" } ] } ] }"));
        Assert.Equal("JSON 文件缺少以下内容：code（标准编号）、totalPoints（总分）、bands（评分档）、categories 第 1 项的 points（分值）、"
            + "categories 第 1 项的 items 第 1 项的 kind（类型）、categories 第 1 项的 items 第 1 项的 points（分值）。请补全后再导入。", ex.Message);
    }

    [Fact]
    public void A_file_of_another_format_is_refused()
    {
        var json = CriteriaJson.Write(CriteriaBuilders.Small()).Replace(CriteriaDocument.FormatTag, "other/9");
        var ex = Assert.Throws<DomainRuleException>(() => CriteriaJson.Read(json));
        Assert.Contains("格式标记为“other/9”", ex.Message);
    }

    [Fact]
    public void An_unknown_kind_is_refused()
    {
        var json = CriteriaJson.Write(CriteriaBuilders.Small()).Replace("\"Result\"", "\"结果类\"");
        Assert.Throws<DomainRuleException>(() => CriteriaJson.Read(json));
    }

    internal static string DataFolder()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Biaogan.slnx"))) dir = dir.Parent;
        return Path.Combine(dir!.FullName, "src", "Biaogan.Web", "Data", "criteria");
    }
}
