namespace Dmarc.Reports.Triage;

/// <summary>
/// A sink that also hears of each mail: <see cref="OnMail"/> comes after the outcomes of the mail it summarises, so
/// the outcomes since the previous mail are that mail's.
/// </summary>
public interface IMailSink : IReportSink
{
    void OnMail(MailSummary mail);
}
