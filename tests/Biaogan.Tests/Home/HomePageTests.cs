using Biaogan.Tests.Infrastructure;

namespace Biaogan.Tests.Home;

public class HomePageTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_home_page_is_in_Chinese_and_needs_no_login()
    {
        var page = await Cast.Anonymous(app).GetAsync("/");
        Assert.Equal("zh-CN", page.DocumentElement.GetAttribute("lang"));
        Assert.Contains("全国用户满意标杆", page.Title);
        Assert.Contains("高标准、少而精、树标杆", PageClient.Text(page));
    }

}
