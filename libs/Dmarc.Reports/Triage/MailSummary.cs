namespace Dmarc.Reports.Triage;

/// <summary>
/// What triage needs to know of one mail besides its outcomes: the headers that say "this is a report" and the parts
/// it carried. <see cref="Part"/> is null for a mail that is the whole input, otherwise where it sits (an mbox message).
/// </summary>
public sealed record MailSummary(
    string? Part,
    string? Subject,
    string? From,
    string? MessageId,
    DateTimeOffset? Date,
    string? TlsReportDomain,
    string? TlsReportSubmitter,
    string ContentType,
    IReadOnlyList<MailPartSummary> Parts);

/// <summary>One leaf part of a mail: its type, its file name when it has one, and its size as sent (encoded).</summary>
public sealed record MailPartSummary(string ContentType, string? FileName, long EncodedLength);
