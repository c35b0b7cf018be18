namespace Biaogan.Web.Infrastructure.Mail;

/// <summary>A small text file attached to an e-mail (such as the .ics of a site visit), kept in the outbox row until sent.</summary>
public sealed record MailAttachment(string FileName, string ContentType, string Content);
