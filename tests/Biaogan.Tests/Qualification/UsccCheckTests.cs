using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Qualification;

namespace Biaogan.Tests.Qualification;

/// <summary>统一社会信用代码 (GB 32100-2015) form and check character.</summary>
public class UsccCheckTests
{
    [Theory]
    [InlineData("91110108MA01ABC", "应为 18 位")]
    [InlineData("91110108MA01ABCDIX", "不是统一社会信用代码允许的字符")]
    [InlineData("911A0108MA01ABCDE1", "第 3–8 位")]
    public void Malformed_credit_codes_are_explained(string code, string message)
    {
        var (valid, text) = UsccCheck.Validate(code);
        Assert.False(valid);
        Assert.Contains(message, text);
    }

    [Fact]
    public void The_check_character_agrees_with_an_independent_implementation()
    {
        for (var i = 0; i < 50; i++)
        {
            var code = Cast.NextUscc();
            Assert.Equal(Cast.UsccCheck(code[..17]), UsccCheck.CheckCharacter(code));
            Assert.True(UsccCheck.Validate(code.ToLowerInvariant()).Valid);
        }
    }
}
