using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Conflicts;
using Biaogan.Web.Features.DocumentReview.Scoring;
using Microsoft.Extensions.DependencyInjection;

namespace Biaogan.Tests.DocumentReview;

/// <summary>评分提醒: before the due date in working days, then overdue notices to the reviewer and the office, once a day.</summary>
public class ScoringReminderTests(AppFactory app) : IClassFixture<AppFactory>
{
    private async Task<ReminderRound> RoundAtAsync(int month, int day)
    {
        app.Clock.SetUtcNow(new DateTimeOffset(2026, month, day, 10, 0, 0, TimeSpan.FromHours(8)));
        ReminderRound? round = null;
        await app.WithScopeAsync(async sp => round = await sp.GetRequiredService<ScoringReminders>().RunAsync());
        return round!;
    }

    [Fact]
    public async Task Reminders_come_in_the_last_working_days_and_overdue_notices_after_the_due_date_once_a_day()
    {
        // declared Friday 2026-11-27: due Friday 2026-12-11; the cycle reminds 2 working days before
        var review = await DocumentReviewBuilders.GroupAsync(app, "提醒甲", size: 3);
        var office = await Cast.OfficeAsync(app);
        var waiting = review.Members.First();
        var conflicted = review.Members.Last();
        await DocumentReviewBuilders.ScoreAsync(app, review, review.Leader, _ => 50);
        await app.WithDbAsync(async db =>
        {
            db.Add(new ConflictCase(review.CycleId, review.ApplicationId, conflicted.ProfileId, ConflictSource.PersonalRelation, "近亲属在申报组织任职", app.Clock.GetUtcNow()));
            await db.SaveChangesAsync();
        });

        Assert.Equal(new ReminderRound(0, 0), await RoundAtAsync(11, 27));
        // the reviewer never opened the sheet: the round opens it with the due date counted from the declaration
        var sheet = await DocumentReviewBuilders.SheetAsync(app, waiting.MemberId);
        Assert.Equal(new DateOnly(2026, 12, 11), sheet!.DueOn);
        Assert.Equal(new ReminderRound(0, 0), await RoundAtAsync(12, 8));
        Assert.Equal(new ReminderRound(1, 0), await RoundAtAsync(12, 9));
        Assert.Equal(new ReminderRound(0, 0), await RoundAtAsync(12, 9));
        Assert.Equal(new ReminderRound(1, 0), await RoundAtAsync(12, 11));
        Assert.Contains(await Messages.InboxAsync(app, waiting.Persona), t => t.Contains("请在 2026年12月11日 前提交独立评分表"));

        Assert.Equal(new ReminderRound(0, 1), await RoundAtAsync(12, 14));
        Assert.Equal(new ReminderRound(0, 0), await RoundAtAsync(12, 14));
        Assert.Contains(await Messages.InboxAsync(app, waiting.Persona), t => t.Contains("独立评分表已逾期"));
        Assert.Contains(await Messages.InboxAsync(app, office), t => t.Contains($"{waiting.Persona.Name} 的独立评分表已逾期"));
        // the submitted leader and the conflicted member are never reminded
        Assert.DoesNotContain(await Messages.InboxAsync(app, review.Leader.Persona), t => t.Contains("独立评分表"));
        Assert.DoesNotContain(await Messages.InboxAsync(app, conflicted.Persona), t => t.Contains("独立评分表"));
        var mail = await Messages.LatestMailAsync(app, waiting.Persona.Email, ScoringTemplates.Overdue);
        Assert.Contains("逾期 1 个工作日", mail.Body);
    }
}
