using MimeKit;

namespace Dmarc.ReportGenerator;

/// <summary>Variants of a failure report that real reporters send.</summary>
/// <param name="Sample">Headers only (the default) or the whole message.</param>
/// <param name="Base64Feedback">The <c>message/feedback-report</c> part base64-encoded, as some reporters send it.</param>
public sealed record FailureReportOptions(ArfSample Sample = ArfSample.Headers, bool Base64Feedback = false);

/// <summary>
/// Builds a DMARC failure report (ruf) as an RFC 6591 ARF mail (RFC 7489 §7.3, RFC 9991):
/// <c>multipart/report; report-type=feedback-report</c> with a text part, the <c>message/feedback-report</c> fields
/// (<c>Feedback-Type: auth-failure</c>, <c>Auth-Failure</c>, <c>Identity-Alignment</c>, …) and the failed message.
/// </summary>
public static class FailureReportMail
{
    public const string DefaultRufMailbox = "dmarc-ruf@example.com";

    public static MimeMessage Create(
        Reporter reporter, FailedMessage failed, FailureReportOptions? options = null, string rufMailbox = DefaultRufMailbox)
    {
        options ??= new();
        var message = new MimeMessage
        {
            Subject = $"DMARC Failure Report for {failed.ReportedDomain} (mail-from={failed.OriginalMailFrom}, ip={failed.SourceIp})",
            // Failure reports go out within minutes of the message.
            Date = failed.Arrival.AddMinutes(4),
            MessageId = $"{(uint)StableId.Hash(failed.MessageId):x8}.ruf@{reporter.Submitter}",
        };
        message.From.Add(MailboxAddress.Parse(reporter.MailFrom));
        message.To.Add(MailboxAddress.Parse(rufMailbox));

        var text = new TextPart("plain")
        {
            Text = $"This is an authentication failure report for a message received from IP {failed.SourceIp} on {ArfParts.Date(failed.Arrival)}.\n"
                + $"The message did not pass {failed.AuthFailure.ToUpperInvariant()} for {failed.ReportedDomain}; "
                + (options.Sample == ArfSample.Headers ? "its header is attached.\n" : "it is attached.\n")
                + "The format is described in RFC 6591.\n",
        };
        var body = new MultipartReport("feedback-report")
        {
            text,
            ArfParts.Feedback(Fields(reporter, failed), options.Base64Feedback),
            ArfParts.Sample(SampleHeader(reporter, failed), SampleBody(failed), options.Sample),
        };
        message.Body = AggregateReportMail.FixedBoundary(body, failed.MessageId);
        return message;
    }

    /// <summary>What the receiver's authentication said, as in its <c>Authentication-Results</c> header.</summary>
    public static string AuthenticationResults(Reporter reporter, FailedMessage failed)
    {
        var dkim = failed.DkimDomain is null
            ? "dkim=none (message not signed)"
            : $"dkim={failed.DkimResult} header.d={failed.DkimDomain} header.s={failed.DkimSelector}";
        return $"{ReceivingHost(reporter)}; dmarc={failed.DmarcResult} (p={failed.Policy} dis={Disposition(failed)}) header.from={failed.ReportedDomain}; "
            + $"spf={failed.SpfResult} smtp.mailfrom={failed.MailFromDomain}; {dkim}";
    }

    private static IEnumerable<(string, string?)> Fields(Reporter reporter, FailedMessage failed) =>
    [
        ("Feedback-Type", "auth-failure"),
        ("User-Agent", UserAgent(reporter)),
        ("Version", "1"),
        ("Original-Mail-From", $"<{failed.OriginalMailFrom}>"),
        ("Original-Rcpt-To", $"<{failed.OriginalRcptTo}>"),
        ("Arrival-Date", ArfParts.Date(failed.Arrival)),
        ("Source-IP", failed.SourceIp),
        ("Reported-Domain", failed.ReportedDomain),
        ("Authentication-Results", AuthenticationResults(reporter, failed)),
        ("Auth-Failure", failed.AuthFailure),
        ("Identity-Alignment", failed.IdentityAlignment),
        ("Delivery-Result", failed.DeliveryResult),
        ("DKIM-Domain", failed.DkimDomain),
        ("DKIM-Selector", failed.DkimSelector),
    ];

    private static string SampleHeader(Reporter reporter, FailedMessage failed)
    {
        var header = $"Received: from sender.invalid (unknown [{failed.SourceIp}])\n"
            + $"\tby {ReceivingHost(reporter)} with ESMTPS; {ArfParts.Date(failed.Arrival)}\n";
        if (failed.DkimDomain is not null)
        {
            header += $"DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d={failed.DkimDomain}; s={failed.DkimSelector};\n"
                + "\th=from:to:subject:date:message-id; bh=47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=;\n"
                + $"\tb={(uint)StableId.Hash(failed.MessageId):x8}{(uint)StableId.Hash(failed.Subject):x8}\n";
        }

        return header
            + $"From: \"{failed.ReportedDomain} Billing\" <{failed.HeaderFrom}>\n"
            + $"To: {failed.RecipientName} <{failed.OriginalRcptTo}>\n"
            + $"Subject: {failed.Subject}\n"
            + $"Date: {ArfParts.Date(failed.Arrival.AddSeconds(-7))}\n"
            + $"Message-ID: <{failed.MessageId}>\n"
            + "MIME-Version: 1.0\n"
            + "Content-Type: text/plain; charset=utf-8\n";
    }

    /// <summary>A short body with a person's name, address and phone number: what redaction must remove.</summary>
    private static string SampleBody(FailedMessage failed) =>
        $"Dear {failed.RecipientName},\n\n"
        + "your invoice for March is attached. Questions? Reply to this mail or call +1 555 0100.\n"
        + $"Your customer account: {failed.OriginalRcptTo}\n";

    private static string Disposition(FailedMessage failed) => failed.DmarcResult == "pass"
        ? "none"
        : failed.DeliveryResult switch { "reject" => "reject", "spam" => "quarantine", _ => "none" };

    private static string ReceivingHost(Reporter reporter) => $"mx.{reporter.Submitter}";

    private static string UserAgent(Reporter reporter) => $"{reporter.OrgName.Replace(" ", "", StringComparison.Ordinal)}-ARF/2.1";
}
