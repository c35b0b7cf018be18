using Biaogan.Tests.Infrastructure;
namespace Biaogan.Tests.Architecture;

/// <summary>The two rules of FeatureGraph proven on synthetic graphs, so a real violation cannot go unnoticed.</summary>
[NoDatabase]
public sealed class FeatureGraphTests
{
    private static readonly string[][] Layers = [["Shared"], ["Accounts", "Audit", "Calendar"], ["Cycles"], ["Ranking", "Shortlist", "Feedback"]];

    [Fact]
    public void A_use_of_a_higher_layer_is_reported_with_the_type_that_uses_it()
    {
        var g = new FeatureGraph(Layers);
        g.Add("Audit", "Accounts", "AuditLabels uses Roles");
        // What `Cycles.CycleStatus` in Audit/AuditLabels.cs compiles to: a use of the full type.
        g.Add("Audit", "Cycles", "Biaogan.Web.Features.Audit.AuditLabels method Label uses Biaogan.Web.Features.Cycles.CycleStatus");

        var v = Assert.Single(g.LayerViolations());
        Assert.Contains("Audit", v);
        Assert.Contains("Cycles.CycleStatus", v);
        Assert.Contains("更高层", v);
    }

    [Fact]
    public void A_cycle_inside_one_layer_is_reported_with_its_path()
    {
        var g = new FeatureGraph(Layers);
        g.Add("Ranking", "Shortlist", "R uses S");
        g.Add("Shortlist", "Feedback", "S uses F");
        g.Add("Feedback", "Ranking", "F uses R");
        g.Add("Ranking", "Cycles", "R uses C");

        Assert.Empty(g.LayerViolations());
        var c = Assert.Single(g.Cycles());
        Assert.Contains("Feedback → Ranking → Shortlist → Feedback", c);
        Assert.Contains("S uses F", c);
    }

    [Fact]
    public void A_two_feature_cycle_across_layers_is_both_a_cycle_and_a_layer_violation()
    {
        var g = new FeatureGraph(Layers);
        g.Add("Accounts", "Cycles", "A uses C");
        g.Add("Cycles", "Accounts", "C uses A");

        Assert.Single(g.LayerViolations());
        Assert.Contains("Accounts → Cycles → Accounts", Assert.Single(g.Cycles()));
    }

    [Fact]
    public void A_graph_that_only_points_down_passes_both_rules()
    {
        var g = new FeatureGraph(Layers);
        g.Add("Ranking", "Shortlist", "R uses S");
        g.Add("Shortlist", "Cycles", "S uses C");
        g.Add("Cycles", "Accounts", "C uses A");
        g.Add("Accounts", "Shared", "A uses Shared");

        Assert.Empty(g.LayerViolations());
        Assert.Empty(g.Cycles());
    }

    [Theory]
    [InlineData("Biaogan.Web.Features.DocumentReview.Scoring", "DocumentReview/Scoring")]
    [InlineData("Biaogan.Web.Features.DocumentReview.Scoring.Inner", "DocumentReview/Scoring")]
    [InlineData("Biaogan.Web.Features.Cycles", "Cycles")]
    [InlineData("Biaogan.Web.Features", "Home")]
    [InlineData("Biaogan.Web.Infrastructure.Data", null)]
    public void A_namespace_maps_to_its_feature_folder(string ns, string? feature) =>
        Assert.Equal(feature, FeatureReferences.FeatureOfNamespace(ns));

    [Theory]
    [InlineData("/Features/DocumentReview/Ranking/Index.cshtml", "DocumentReview/Ranking")]
    [InlineData("/Features/Accounts/Login.cshtml", "Accounts")]
    [InlineData("/Features/Index.cshtml", "Home")]
    public void A_razor_page_maps_to_the_folder_of_its_file(string path, string feature) =>
        Assert.Equal(feature, FeatureReferences.FeatureOfViewPath(path));
}
