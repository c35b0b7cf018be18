namespace Biaogan.Web.Features.Applications.Gates;

/// <summary>A reason posted by a page for leaving one unfinished application out of a gate (LeftOut[i].ApplicationId / .Reason).</summary>
public sealed class LeftOutRow
{
    public Guid ApplicationId { get; set; }
    public string? Reason { get; set; }

    public static Dictionary<Guid, string> Reasons(IEnumerable<LeftOutRow>? rows) =>
        GateQueries.Reasons(rows?.Select(r => (r.ApplicationId, r.Reason)));
}

/// <summary>The model of the shared “尚未完成的申报” fields rendered inside a gate's form.</summary>
public sealed record LeftOutFields(IReadOnlyList<UnfinishedApplication> Unfinished, string Action);

/// <summary>The API's form of a reason for leaving an unfinished application out of a gate.</summary>
public sealed record LeftOutItem(Guid ApplicationId, string? Reason)
{
    public static Dictionary<Guid, string> Reasons(IEnumerable<LeftOutItem>? items) =>
        GateQueries.Reasons(items?.Select(i => (i.ApplicationId, i.Reason)));
}
