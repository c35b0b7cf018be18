namespace Biaogan.Web.Infrastructure.Errors;

/// <summary>
/// The single exception every business rule throws. Its message is Chinese, addressed to the person
/// who triggered it, and says what to do next. Pages show it as a form error, the API as 422.
/// </summary>
public class DomainRuleException(string message) : Exception(message);
