using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Applications;
using Biaogan.Web.Infrastructure.Errors;

namespace Biaogan.Tests.Applications;

public class ApplicationTransitionTests
{
    private static readonly DateTimeOffset Now = AppFactory.StartTime;

    public static TheoryData<ApplicationStatus, ApplicationAction> EveryStatusAndAction()
    {
        var data = new TheoryData<ApplicationStatus, ApplicationAction>();
        foreach (var s in Enum.GetValues<ApplicationStatus>())
            foreach (var a in Enum.GetValues<ApplicationAction>())
                data.Add(s, a);
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryStatusAndAction))]
    public void Exactly_the_moves_in_the_transition_table_succeed_and_every_other_one_is_refused(ApplicationStatus from, ApplicationAction action)
    {
        var (app, cycle, outline) = ApplicationsBuilders.InMemory(from, Now);
        Assert.Equal(from, app.Status);
        if (Application.Transitions.Contains((from, action)))
        {
            ApplicationsBuilders.Apply(app, action, cycle, outline, Now);
            Assert.NotEqual(from, app.Status);
        }
        else
        {
            var refused = Assert.Throws<DomainRuleException>(() => ApplicationsBuilders.Apply(app, action, cycle, outline, Now));
            Assert.Contains(from.Display(), refused.Message);
            Assert.Equal(from, app.Status);
        }
    }

    [Fact]
    public void Each_move_lands_in_the_status_the_programme_expects()
    {
        var expected = new Dictionary<ApplicationAction, ApplicationStatus>
        {
            [ApplicationAction.Submit] = ApplicationStatus.Submitted,
            [ApplicationAction.Recommend] = ApplicationStatus.AwaitingQualification,
            [ApplicationAction.DeclineRecommendation] = ApplicationStatus.RecommendationDeclined,
            [ApplicationAction.RequestSupplement] = ApplicationStatus.SupplementRequested,
            [ApplicationAction.ResubmitSupplement] = ApplicationStatus.AwaitingQualification,
            [ApplicationAction.Pass] = ApplicationStatus.Qualified,
            [ApplicationAction.Fail] = ApplicationStatus.Disqualified,
            [ApplicationAction.Withdraw] = ApplicationStatus.Withdrawn,
            [ApplicationAction.RevokeQualification] = ApplicationStatus.QualificationRevoked,
        };
        foreach (var (from, action) in Application.Transitions)
        {
            var (app, cycle, outline) = ApplicationsBuilders.InMemory(from, Now);
            ApplicationsBuilders.Apply(app, action, cycle, outline, Now);
            Assert.Equal(expected[action], app.Status);
        }
    }

    [Fact]
    public void The_number_is_given_once_and_kept_when_resubmitting_after_a_decline()
    {
        var (app, cycle, outline) = ApplicationsBuilders.InMemory(ApplicationStatus.RecommendationDeclined, Now);
        app.Submit(cycle, outline, 1, () => "BG2026-0099", Now);
        Assert.Equal("BG2026-0001", app.Number);
    }

    [Fact]
    public void An_incomplete_draft_cannot_be_submitted_and_the_message_lists_what_is_missing()
    {
        var (app, cycle, outline) = ApplicationsBuilders.InMemory(ApplicationStatus.Draft, Now);
        app.DeclarationFileId = null;
        app.Category = null;
        var refused = Assert.Throws<DomainRuleException>(() => app.Submit(cycle, outline, 0, () => "BG2026-0001", Now));
        Assert.Contains("选择申报类别", refused.Message);
        Assert.Contains("上传签字盖章的声明书", refused.Message);
        Assert.Contains("至少一份证实性材料", refused.Message);
        Assert.Equal(ApplicationStatus.Draft, app.Status);
        Assert.Null(app.Number);
    }

    [Fact]
    public void Content_is_locked_outside_the_editable_states()
    {
        foreach (var s in Enum.GetValues<ApplicationStatus>())
        {
            var (app, _, _) = ApplicationsBuilders.InMemory(s, Now);
            var editable = s is ApplicationStatus.Draft or ApplicationStatus.RecommendationDeclined or ApplicationStatus.SupplementRequested;
            Assert.Equal(editable, app.IsEditableByApplicant);
            if (editable) app.Touch(Now);
            else Assert.Throws<DomainRuleException>(() => app.Touch(Now));
        }
    }
}
