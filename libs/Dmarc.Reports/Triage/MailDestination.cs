namespace Dmarc.Reports.Triage;

/// <summary>
/// The one place each mail of a report mailbox belongs in, as the ingestor will file it: one of the three archives
/// (parsed and stored), <see cref="Invalid"/> (looks like a report but cannot be read; retried later) or
/// <see cref="NotAReport"/> (spam, newsletters, bounces: left out of every statistic).
/// </summary>
public enum MailDestination
{
    Aggregate,
    Failure,
    Tls,
    Invalid,
    NotAReport,
}

/// <summary>The names destinations have in JSON and in logs.</summary>
public static class MailDestinationNames
{
    public static string Of(MailDestination destination) => destination switch
    {
        MailDestination.Aggregate => "aggregate",
        MailDestination.Failure => "failure",
        MailDestination.Tls => "tls",
        MailDestination.Invalid => "invalid",
        _ => "not_a_report",
    };
}
