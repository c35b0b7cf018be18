namespace Biaogan.Web.Features.Applications;

public sealed partial class Application
{
    /// <summary>
    /// Refuses, with the same message as the transition itself, an action the current status does not
    /// allow — so that a caller can check before it stores an upload that belongs to the action
    /// (a recommendation letter, for example) and leave nothing behind when the action is refused.
    /// </summary>
    public void EnsureAllowed(ApplicationAction action) => Move(action);
}
