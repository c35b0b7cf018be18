using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Organizations;

namespace Biaogan.Tests.Organizations;

[NoDatabase]
public class ReferenceDataTests
{
    [Fact]
    public void There_are_31_provinces_and_every_city_belongs_to_one()
    {
        Assert.Equal(31, RegionCatalog.Provinces.Count);
        Assert.All(RegionCatalog.Cities, c => Assert.NotNull(RegionCatalog.FindProvince(c.ProvinceCode)));
        Assert.All(RegionCatalog.Cities, c => Assert.StartsWith(c.ProvinceCode, c.Code));
        Assert.All(RegionCatalog.Provinces, p => Assert.NotEmpty(RegionCatalog.CitiesOf(p.Code)));
    }

    [Fact]
    public void Region_lookups_give_chinese_display_names()
    {
        Assert.Equal("北京市", RegionCatalog.DisplayName("11", "1101"));
        Assert.Equal("河北省石家庄市", RegionCatalog.DisplayName("13", "1301"));
        Assert.Equal("浙江省杭州市", RegionCatalog.DisplayName("33", "3301"));
        Assert.Equal("上海市", RegionCatalog.CityName("3101"));
        Assert.True(RegionCatalog.CityBelongsTo("3301", "33"));
        Assert.False(RegionCatalog.CityBelongsTo("1101", "33"));
        Assert.Null(RegionCatalog.FindCity("9999"));
    }

    [Fact]
    public void There_are_20_sections_A_to_T_and_97_divisions_01_to_97()
    {
        Assert.Equal(20, IndustryCatalog.Sections.Count);
        Assert.Equal("ABCDEFGHIJKLMNOPQRST", string.Concat(IndustryCatalog.Sections.Select(s => s.Code)));
        var divisions = IndustryCatalog.Divisions.Select(d => d.Code).ToList();
        Assert.Equal(97, divisions.Count);
        Assert.Equal(Enumerable.Range(1, 97).Select(i => i.ToString("D2")), divisions);
        Assert.Equal(31, IndustryCatalog.FindSection("C")!.Divisions.Count);
        Assert.All(IndustryCatalog.Sections, s => Assert.False(string.IsNullOrWhiteSpace(s.Name)));
    }

    [Fact]
    public void Industry_lookups_give_chinese_display_names()
    {
        Assert.Equal("C 制造业", IndustryCatalog.SectionDisplay("C"));
        Assert.Equal("39 计算机、通信和其他电子设备制造业", IndustryCatalog.DivisionDisplay("39"));
        Assert.Equal("I", IndustryCatalog.FindDivision("65")!.SectionCode);
        Assert.Equal("基层群众自治组织及其他组织", IndustryCatalog.FindDivision("96")!.Name);
        Assert.Equal("国际组织", IndustryCatalog.FindSection("T")!.Name);
        Assert.True(IndustryCatalog.DivisionBelongsTo("05", "A"));
        Assert.False(IndustryCatalog.DivisionBelongsTo("06", "A"));
    }
}
