using System.Net;
using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Accounts;

namespace Biaogan.Tests.Accounts;

/// <summary>Every account and organisation page × every kind of person → 200, login or 403.</summary>
public class AuthorizationMatrixTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Ok = "200", Login = "login", Denied = "403";

    //                      anonymous, applicant, recommender, reviewer, office, admin, review committee, approval committee, leading group
    private static readonly (string Url, string[] Expected)[] Pages =
    [
        ("/Account/Login", [Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok]),
        ("/Account/Register", [Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok]),
        ("/Account/Register?kind=recommender", [Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok]),
        ("/Account/ForgotPassword", [Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok]),
        ("/Account/ResendConfirmation", [Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok]),
        ("/Accounts/Manage", [Login, Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok]),
        ("/Accounts/TwoFactorSetup", [Login, Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok]),
        ("/Accounts/Users", [Login, Denied, Denied, Denied, Ok, Ok, Denied, Denied, Denied]),
        ("/Accounts/Invite", [Login, Denied, Denied, Denied, Ok, Ok, Denied, Denied, Denied]),
        ("/Organizations/Profile", [Login, Ok, Denied, Denied, Denied, Denied, Denied, Denied, Denied]),
        ("/Organizations/Body", [Login, Denied, Ok, Denied, Denied, Denied, Denied, Denied, Denied]),
        ("/Organizations/RecommendingBodies", [Login, Denied, Denied, Denied, Ok, Ok, Denied, Denied, Denied]),
        // 纪律处分: an organisation sees its own decided sanctions (here none), the office and the leading group everything;
        // nothing is public
        ("/Discipline", [Login, Ok, Denied, Denied, Ok, Ok, Denied, Denied, Ok]),
        ("/Discipline/Referral?subject=Organization&subjectId=0196f1a2-0000-7000-8000-000000000001", [Login, Denied, Denied, Denied, "404", "404", Denied, Denied, Denied]),
        // 领导小组 (第七条): decisions and rulings for the office and the leading group; the committees read their composition
        ("/Governance", [Login, Denied, Denied, Denied, Ok, Ok, Denied, Denied, Ok]),
        ("/Governance/Rulings", [Login, Denied, Denied, Denied, Ok, Ok, Denied, Denied, Ok]),
        ("/Governance/Committees", [Login, Denied, Denied, Denied, Ok, Ok, Ok, Ok, Ok]),
        // 获奖后承诺 (第二十三条): the office, the administrator and the leading group see who is late; a winner its own page
        ("/Commitments", [Login, Denied, Denied, Denied, Ok, Ok, Denied, Denied, Ok]),
        ("/Commitments/Mine", [Login, Ok, Denied, Denied, Denied, Denied, Denied, Denied, Denied]),
        // 经验交流与推广 (第二十五、三十一条): the office's events and review queue; a winner's own page; the public cases for everyone
        ("/Sharing", [Login, Denied, Denied, Denied, Ok, Ok, Denied, Denied, Denied]),
        ("/Sharing/Mine", [Login, Ok, Denied, Denied, Denied, Denied, Denied, Denied, Denied]),
        ("/Public/Practices", [Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok]),
    ];

    private static readonly (string Url, HttpStatusCode[] Expected)[] Api =
    [
        ("/api/organizations/me", [HttpStatusCode.Unauthorized, HttpStatusCode.OK, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound]),
        ("/api/recommending-bodies", [HttpStatusCode.Unauthorized, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK]),
        ("/api/discipline/sanctions", [HttpStatusCode.Unauthorized, HttpStatusCode.OK, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.OK]),
        ("/api/discipline/referrals", [HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.OK]),
        ("/api/governance/decisions", [HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.OK]),
        ("/api/commitments", [HttpStatusCode.Unauthorized, HttpStatusCode.OK, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.OK]),
        ("/api/sharing/events", [HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden]),
        ("/api/sharing/practices", [HttpStatusCode.Unauthorized, HttpStatusCode.OK, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden]),
        ("/api/governance/rulings", [HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.OK]),
    ];

    [Fact]
    public async Task Each_page_answers_each_kind_of_person_as_the_matrix_says()
    {
        var people = new (string Who, PageClient Client)[]
        {
            ("anonymous", Cast.Anonymous(app)),
            ("applicant", await Cast.SignInAsync(app, await Cast.ApplicantAsync(app, "矩阵测试有限公司"))),
            ("recommender", await Cast.SignInAsync(app, await Cast.RecommenderAsync(app, "矩阵测试推荐单位"))),
            ("reviewer", await Cast.SignInAsync(app, await Cast.ReviewerAsync(app))),
            ("office", await Cast.SignInAsync(app, await Cast.OfficeAsync(app))),
            ("admin", await Cast.SignInAsync(app, await Cast.AdminAsync(app))),
            ("review committee", await Cast.SignInAsync(app, await Cast.PersonAsync(app, "评委甲", Roles.ReviewCommittee))),
            ("approval committee", await Cast.SignInAsync(app, await Cast.PersonAsync(app, "审委乙", Roles.ApprovalCommittee))),
            ("leading group", await Cast.SignInAsync(app, await Cast.PersonAsync(app, "领导丙", Roles.LeadingGroup))),
        };
        var wrong = new List<string>();
        foreach (var (url, expected) in Pages)
        {
            for (var i = 0; i < people.Length; i++)
            {
                var response = await people[i].Client.Http.GetAsync(url);
                var path = response.RequestMessage!.RequestUri!.AbsolutePath;
                var got = path == "/Account/Login" && !url.StartsWith("/Account/Login") ? Login
                    : response.StatusCode == HttpStatusCode.Forbidden ? Denied
                    : response.StatusCode == HttpStatusCode.OK ? Ok : ((int)response.StatusCode).ToString();
                if (got != expected[i]) wrong.Add($"{people[i].Who} {url}: 期望 {expected[i]}，实际 {got}（{path}）");
            }
        }
        foreach (var (url, expected) in Api)
        {
            for (var i = 0; i < people.Length; i++)
            {
                var status = (await people[i].Client.Http.GetAsync(url)).StatusCode;
                if (status != expected[i]) wrong.Add($"{people[i].Who} {url}: 期望 {(int)expected[i]}，实际 {(int)status}");
            }
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }
}
