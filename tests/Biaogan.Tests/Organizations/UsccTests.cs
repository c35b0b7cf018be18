using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Organizations;

namespace Biaogan.Tests.Organizations;

[NoDatabase]
public class UsccTests
{
    // Published codes of real enterprises (Huawei, CNPC, two Ningbo/Jiaxing companies) and codes computed here.
    [Theory]
    [InlineData("914403001922038216")]
    [InlineData("91110000100010433L")]
    [InlineData("91330201MA282UF146")]
    [InlineData("91330401MA28ADM67R")]
    [InlineData("91330000755918469E")]
    public void Published_codes_of_real_organisations_are_valid(string code)
    {
        var result = Uscc.Validate(code);
        Assert.True(result.IsValid, result.Error);
        Assert.Equal(code, result.Code);
    }

    [Fact]
    public void Codes_built_with_an_independent_implementation_are_valid()
    {
        for (var i = 0; i < 200; i++)
        {
            var code = Cast.NextUscc();
            Assert.True(Uscc.IsValid(code), Uscc.Validate(code).Error);
            Assert.True(Uscc.IsValid(code.ToLowerInvariant()));
            Assert.Equal(Cast.UsccCheck(code[..17]), Uscc.CheckCharacter(code));
        }
    }

    [Theory]
    [InlineData("1100000000000000")]   // 机构编制 / 机关 with all-zero body (check digits computed below)
    [InlineData("5133010050000000")]   // 民政 / 社会团体
    [InlineData("9233010867890123")]   // 工商 / 个体工商户
    [InlineData("Y111010012345678")]   // 其他
    public void The_check_characters_agree_with_the_independent_implementation(string first16)
    {
        var first17 = first16 + Cast.OrganizationCodeCheck(first16[8..]);
        var code = first17 + Cast.UsccCheck(first17);
        Assert.Equal(Cast.UsccCheck(first17), Uscc.CheckCharacter(first17));
        Assert.Equal(Cast.OrganizationCodeCheck(first16[8..]), Uscc.OrganizationCodeCheck(first16.AsSpan(8)));
        Assert.True(Uscc.IsValid(code), Uscc.Validate(code).Error);
    }

    [Theory]
    [InlineData("91110108MA01ABC", "应为18位")]
    [InlineData("91110108MA01ABCDIX", "不是统一社会信用代码允许的字符")]
    [InlineData("911A0108MA01ABCDE1", "第3至8位")]
    public void Malformed_credit_codes_are_explained(string code, string message)
    {
        var result = Uscc.Validate(code);
        Assert.False(result.IsValid);
        Assert.Contains(message, result.Error);
    }

    [Fact]
    public void Lower_case_and_full_width_input_is_accepted_and_upper_cased()
    {
        Assert.Equal("91110000100010433L", Uscc.Validate(" 91110000100010433l ").Code);
        Assert.True(Uscc.Validate("91110000100010433l").IsValid);
        Assert.True(Uscc.Validate("９１１１００００１０００１０４３３Ｌ").IsValid);
    }

    [Fact]
    public void A_code_of_the_wrong_length_says_how_many_characters_were_typed()
    {
        var result = Uscc.Validate("91110000100010433");
        Assert.False(result.IsValid);
        Assert.Contains("应为18位，您输入了17位", result.Error);
        Assert.Contains("您输入了19位", Uscc.Validate("91110000100010433LL").Error);
    }

    [Fact]
    public void An_empty_code_asks_to_fill_it_in() => Assert.Equal("请填写统一社会信用代码。", Uscc.Validate("  ").Error);

    [Theory]
    [InlineData("9111I000100010433L", 5, 'I')]
    [InlineData("9111O000100010433L", 5, 'O')]
    [InlineData("91110000100010433S", 18, 'S')]
    [InlineData("911100001000V0433L", 13, 'V')]
    [InlineData("91110000100010433Z", 18, 'Z')]
    [InlineData("9111000010001043-L", 17, '-')]
    public void An_illegal_character_is_named_with_its_position(string code, int position, char c)
    {
        var error = Uscc.Validate(code).Error;
        Assert.StartsWith($"第{position}位“{c}”不是统一社会信用代码允许的字符", error);
    }

    [Fact]
    public void The_letter_I_is_explained_as_probably_the_digit_one() =>
        Assert.Contains("是否应为数字“1”", Uscc.Validate("9111I000100010433L").Error);

    [Fact]
    public void An_unknown_registration_department_is_refused() =>
        Assert.StartsWith("第1位登记管理部门码“B”无效", Uscc.Validate("B1110000100010433L").Error);

    [Fact]
    public void An_organisation_category_that_is_not_a_digit_is_refused() =>
        Assert.StartsWith("第2位机构类别码“A”无效", Uscc.Validate("9A110000100010433L").Error);

    [Fact]
    public void A_region_part_that_is_not_six_digits_is_refused()
    {
        var error = Uscc.Validate("9111A000100010433L").Error;
        Assert.Contains("第3至8位是登记管理机关行政区划码，应为6位数字", error);
        Assert.Contains("第5位却是“A”", error);
    }

    [Fact]
    public void A_wrong_organisation_code_check_digit_names_position_17_and_the_expected_digit()
    {
        // Position 17 of CNPC's code is 3; a typo there (or in 9–16) breaks the GB 11714 check.
        var error = Uscc.Validate("91110000100010434L").Error;
        Assert.Contains("主体标识码", error);
        Assert.Contains("第17位应为“3”", error);
    }

    [Fact]
    public void A_wrong_check_character_says_what_position_18_should_be()
    {
        var first17 = "91110000100010433";
        var right = Cast.UsccCheck(first17);
        var wrong = right == 'A' ? 'B' : 'A';
        Assert.Equal($"校验位错误：第18位应为“{right}”，请核对是否有输入错误。", Uscc.Validate(first17 + wrong).Error);
    }

    [Fact]
    public void The_validation_attribute_leaves_empty_values_to_required_and_reports_the_message()
    {
        var attribute = new UsccAttribute();
        var context = new System.ComponentModel.DataAnnotations.ValidationContext(new object()) { MemberName = "Uscc" };
        Assert.Null(attribute.GetValidationResult("", context));
        Assert.Null(attribute.GetValidationResult("914403001922038216", context));
        Assert.Contains("第18位应为", attribute.GetValidationResult("914403001922038217", context)!.ErrorMessage);
    }
}
