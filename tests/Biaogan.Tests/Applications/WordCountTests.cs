using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Applications;

namespace Biaogan.Tests.Applications;

[NoDatabase]
public class WordCountTests
{
    [Theory]
    [InlineData("全国用户满意标杆", 8)]
    [InlineData("以用户为中心，持续改进。", 12)]
    [InlineData("用户满意度达到85.3%。", 9)]
    [InlineData("85.3%", 1)]
    [InlineData("2023年至2025年", 5)]
    [InlineData("CRM系统 v2.0 上线", 6)]
    [InlineData("Customer relationship management", 3)]
    [InlineData("T/CAQ 10301-2016", 3)]
    [InlineData("ＡＢＣ１２３", 6)]
    [InlineData("“顾客满意”——GB/T 19039", 11)]
    public void Chinese_characters_and_full_width_marks_count_one_each_and_a_latin_or_digit_run_counts_one(string text, int expected)
    {
        Assert.Equal(expected, WordCount.Count(text));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \n\t  ")]
    [InlineData(", . ; ! ?")]
    public void Empty_text_whitespace_and_ascii_punctuation_count_nothing(string? text)
    {
        Assert.Equal(0, WordCount.Count(text));
    }

    [Fact]
    public void Line_breaks_do_not_change_the_count()
    {
        Assert.Equal(WordCount.Count("第一段内容。第二段内容。"), WordCount.Count("第一段内容。\r\n\r\n第二段内容。"));
    }
}
