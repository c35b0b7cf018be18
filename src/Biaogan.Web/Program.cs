using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Approval;
using Biaogan.Web.Features.Applications;
using Biaogan.Web.Features.Assignment;
using Biaogan.Web.Features.Awards;
using Biaogan.Web.Features.Calendar;
using Biaogan.Web.Features.Conflicts;
using Biaogan.Web.Features.Criteria;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Features.Demo;
using Biaogan.Web.Features.DocumentReview.Feedback;
using Biaogan.Web.Features.DocumentReview.Materials;
using Biaogan.Web.Features.DocumentReview.Ranking;
using Biaogan.Web.Features.DocumentReview.Scoring;
using Biaogan.Web.Features.DocumentReview.Shortlist;
using Biaogan.Web.Features.Evaluation;
using Biaogan.Web.Features.MutualFeedback;
using Biaogan.Web.Features.Notifications;
using Biaogan.Web.Features.OnSite;
using Biaogan.Web.Features.Organizations;
using Biaogan.Web.Features.PublicNotice;
using Biaogan.Web.Features.Qualification;
using Biaogan.Web.Features.Recommendations;
using Biaogan.Web.Features.Reviewers;
using Biaogan.Web.Infrastructure.Cli;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Files;
using Biaogan.Web.Infrastructure.Web;

// Biaogan (标杆): 全国用户满意标杆 — one executable: the web app, or an operator command (see README).
// This file is the table of contents: every capability (feature folder) is wired here by its own AddX / MapX.
var isCommand = OperatorCli.IsCommand(args);
var builder = WebApplication.CreateBuilder(isCommand ? [] : args);

builder.AddData();
builder.AddWebInfrastructure();
builder.AddFiles();
builder.AddAccounts();
builder.AddCalendar();
builder.AddCriteria();
builder.AddCycles();
builder.AddOrganizations();
builder.AddNotifications();
builder.AddApplications();
builder.AddRecommendations();
builder.AddQualification();
builder.AddReviewers();
builder.AddConflicts();
builder.AddAssignment();
builder.AddScoring();
builder.AddShortlist();
builder.AddFeedback();
builder.AddOnSite();
builder.AddEvaluation();
builder.AddMutualFeedback();
builder.AddPublicNotice();
builder.AddApproval();
builder.AddAwards();
builder.AddDemo();

var app = builder.Build();

if (isCommand) return await OperatorCli.RunAsync(app, args);

await app.InitialiseAsync();
app.UseWebInfrastructure();
app.MapAccounts();
app.MapCalendar();
app.MapCycles();
app.MapOrganizations();
app.MapNotifications();
app.MapApplications();
app.MapRecommendations();
app.MapQualification();
app.MapReviewers();
app.MapConflicts();
app.MapAssignment();
app.MapMaterials();
app.MapScoring();
// Also maps the shortlist and feedback endpoints until RankingApi is split by capability.
app.MapRanking();
app.MapOnSite();
app.MapEvaluation();
app.MapMutualFeedback();
app.MapPublicNotice();
app.MapApproval();
app.MapAwards();

await app.RunAsync();
return 0;
