using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Infrastructure.Errors;

namespace Biaogan.Tests.Cycles;

/// <summary>第三十三条: 本办法自二○一六年起实施 — no 年度活动 can exist before the rules took effect.</summary>
public class CycleYearTests
{
    [Fact]
    public void A_cycle_before_2016_the_year_the_rules_took_effect_is_refused()
    {
        var refused = Assert.Throws<DomainRuleException>(() => new Cycle(2015, AppFactory.StartTime));
        Assert.Contains("2016", refused.Message);
        Assert.Equal(2016, new Cycle(2016, AppFactory.StartTime).Year);
    }
}
