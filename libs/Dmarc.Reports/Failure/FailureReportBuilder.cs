using System.Globalization;
using Dmarc.Reports.Aggregate;
using MimeKit;
using MimeKit.Utils;
using F = Dmarc.Reports.Failure.ArfFieldNames;

namespace Dmarc.Reports.Failure;

/// <summary>
/// Turns the fields of a failure report (ARF fields, or a plain-text report's lines translated to them) and its
/// sample into a <see cref="FailureReport"/>, or says why the report cannot be used.
/// </summary>
internal sealed class FailureReportBuilder(FailureSamplePolicy policy)
{
    private readonly LocalPartRedactor _redactor = LocalPartRedactor.For(policy);
    private readonly List<string> _problems = [];

    /// <summary>
    /// The report, or the reason it cannot be read (and then the report is null). <paramref name="fields"/> are
    /// read by their ARF names; <paramref name="asSent"/> are the fields as the reporter wrote them (for a plain-text
    /// report, its labelled lines); <paramref name="mail"/> is the report mail, <paramref name="sample"/> the failing message.
    /// </summary>
    public (FailureReport? Report, string? Invalid) Build(
        FailureReportFormat format, FeedbackFields fields, IReadOnlyList<FeedbackField> asSent, MimeMessage mail, MimeMessage? sample)
    {
        if (fields.First(F.SourceIp) is not { } sourceIp)
        {
            return (null, "the failure report has no Source-IP: the server that sent the failing message is unknown");
        }

        var reportedDomain = fields.First(F.ReportedDomain) is { } domain ? AggregateValues.Domain(domain) : null;
        if (reportedDomain is null && SampleReader.FromDomain(sample) is { } fromDomain)
        {
            reportedDomain = fromDomain;
            _problems.Add("no Reported-Domain: the domain of the sample's From is used");
        }

        if (reportedDomain is null)
        {
            return (null, "the failure report names no domain: no Reported-Domain and no sample with a From address");
        }

        var (keptSample, kept) = new SampleReader(policy, _redactor).Read(sample);
        var (arrival, arrivalText) = ArrivalDate(fields, mail);
        var deliveryText = fields.First(F.DeliveryResult);
        var report = new FailureReport
        {
            Format = format,
            FeedbackType = _redactor.Redact(fields.First(F.FeedbackType)?.ToLowerInvariant()) ?? F.AuthFailureType,
            UserAgent = _redactor.Redact(fields.First(F.UserAgent)),
            Version = _redactor.Redact(fields.First(F.Version)),
            AuthFailure = _redactor.Redact(AuthFailure(fields, format)),
            IdentityAlignment = Alignment(fields.First(F.IdentityAlignment)),
            ReportedDomain = _redactor.Redact(reportedDomain),
            ReportedUris = _redactor.Redact(fields.Every(F.ReportedUri)),
            SourceIp = _redactor.Redact(AggregateValues.SourceIp(FirstWord(sourceIp))),
            ArrivalDate = arrival,
            ArrivalDateText = _redactor.Redact(arrivalText),
            OriginalMailFrom = _redactor.Redact(fields.First(F.OriginalMailFrom)),
            OriginalRcptTo = _redactor.Redact(fields.Every(F.OriginalRcptTo)),
            OriginalEnvelopeId = _redactor.Redact(fields.First(F.OriginalEnvelopeId)),
            AuthenticationResults = _redactor.Redact(fields.First(F.AuthenticationResults)),
            DeliveryResult = Delivery(deliveryText),
            DeliveryResultText = _redactor.Redact(deliveryText),
            DkimDomain = _redactor.Redact(fields.First(F.DkimDomain) is { } dkimDomain ? AggregateValues.Domain(dkimDomain) : null),
            DkimIdentity = _redactor.Redact(fields.First(F.DkimIdentity)),
            DkimSelector = _redactor.Redact(fields.First(F.DkimSelector)),
            DkimCanonicalizedHeader = KeepsCanonicalized(F.DkimCanonicalizedHeader) ? fields.First(F.DkimCanonicalizedHeader) : null,
            DkimCanonicalizedBody = KeepsCanonicalized(F.DkimCanonicalizedBody) ? fields.First(F.DkimCanonicalizedBody) : null,
            SpfDns = _redactor.Redact(fields.First(F.SpfDns)),
            Incidents = Incidents(fields.First(F.Incidents)),
            Fields = [.. asSent.Where(field => KeepsCanonicalized(field.Name)).Select(field => field with { Value = _redactor.Redact(field.Value) })],
            ReporterEmail = _redactor.Redact(mail.From.Mailboxes.Select(mailbox => mailbox.Address).FirstOrDefault()),
            SampleKept = kept,
            Redacted = _redactor.Enabled,
            Sample = keptSample,
        };

        if (sample is null)
        {
            _problems.Add("the report has no sample of the failing message");
        }

        return (report with { Problems = [.. _problems.Select(problem => _redactor.Redact(problem))] }, null);
    }

    /// <summary>
    /// DKIM canonicalized data is a base64 copy of the message: kept only with what it copies, and never when
    /// redacting (the addresses inside base64 cannot be redacted). Other fields are always kept.
    /// </summary>
    private bool KeepsCanonicalized(string fieldName) =>
        fieldName.Equals(F.DkimCanonicalizedHeader, StringComparison.OrdinalIgnoreCase)
            ? policy.Keep != SampleKept.None && !policy.RedactLocalParts
            : !fieldName.Equals(F.DkimCanonicalizedBody, StringComparison.OrdinalIgnoreCase)
              || (policy.Keep == SampleKept.HeadersAndBody && !policy.RedactLocalParts);

    private (DateTimeOffset? Utc, string? Text) ArrivalDate(FeedbackFields fields, MimeMessage mail)
    {
        var text = fields.First(F.ArrivalDate) ?? fields.First(F.ReceivedDate);
        if (text is not null)
        {
            if (DateUtils.TryParse(text, out var arrival))
            {
                return (arrival.ToUniversalTime(), text);
            }

            _problems.Add($"the Arrival-Date \"{Shorten(text)}\" is not a date");
            return (null, text);
        }

        if (mail.Headers[HeaderId.Date] is { } mailDate && DateUtils.TryParse(mailDate, out var sent))
        {
            _problems.Add("no Arrival-Date: the date of the report mail is used");
            return (sent.ToUniversalTime(), null);
        }

        _problems.Add("no Arrival-Date, and the report mail has no date either");
        return (null, null);
    }

    private List<string> AuthFailure(FeedbackFields fields, FailureReportFormat format)
    {
        var tokens = fields.Every(F.AuthFailure)
            .SelectMany(value => value.Split([',', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(token => token.ToLowerInvariant())
            .Distinct()
            .ToList();
        if (tokens.Count == 0)
        {
            // A DMARC failure report: what failed is DMARC. A plain-text report says so in words.
            if (format != FailureReportFormat.PlainText)
            {
                _problems.Add("no Auth-Failure: taken as dmarc");
            }

            tokens.Add("dmarc");
        }

        return tokens;
    }

    private IdentityAlignment? Alignment(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var alignment = Failure.IdentityAlignment.None;
        foreach (var token in WithoutComments(value).Split([',', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            switch (token.ToLowerInvariant())
            {
                case "dkim":
                    alignment |= Failure.IdentityAlignment.Dkim;
                    break;
                case "spf":
                    alignment |= Failure.IdentityAlignment.Spf;
                    break;
                case "none":
                    break;
                default:
                    _problems.Add($"Identity-Alignment names \"{Shorten(token)}\", which is not dkim, spf or none");
                    break;
            }
        }

        return alignment;
    }

    private DeliveryResult? Delivery(string? text)
    {
        if (text is null)
        {
            return null;
        }

        ReadOnlySpan<DeliveryResult> results = [Failure.DeliveryResult.Delivered, Failure.DeliveryResult.Spam, Failure.DeliveryResult.Policy, Failure.DeliveryResult.Reject, Failure.DeliveryResult.Other];
        foreach (var result in results)
        {
            if (text.Equals(Token(result), StringComparison.OrdinalIgnoreCase))
            {
                return result;
            }
        }

        // Reporters' own words ("smg-policy-action"): read by the RFC word they contain, as parsedmarc does.
        foreach (var result in results)
        {
            if (text.Contains(Token(result), StringComparison.OrdinalIgnoreCase))
            {
                _problems.Add($"Delivery-Result \"{Shorten(text)}\" is not an RFC 6591 value; read as {Token(result)}");
                return result;
            }
        }

        _problems.Add($"Delivery-Result \"{Shorten(text)}\" is not an RFC 6591 value; read as other");
        return Failure.DeliveryResult.Other;
    }

    private long? Incidents(string? text)
    {
        if (text is null)
        {
            return null;
        }

        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var incidents))
        {
            return incidents;
        }

        _problems.Add($"Incidents \"{Shorten(text)}\" is not a number");
        return null;
    }

    /// <summary>The RFC 6591 word of a delivery result.</summary>
    public static string Token(DeliveryResult result) => result.ToString().ToLowerInvariant();

    private static string FirstWord(string value) => value.Split([' ', '\t'], 2, StringSplitOptions.RemoveEmptyEntries) is [var first, ..] ? first : value;

    private static string WithoutComments(string value)
    {
        var text = new System.Text.StringBuilder(value.Length);
        var depth = 0;
        foreach (var c in value)
        {
            depth += c == '(' ? 1 : 0;
            if (depth == 0)
            {
                text.Append(c);
            }

            depth -= c == ')' && depth > 0 ? 1 : 0;
        }

        return text.ToString();
    }

    private static string Shorten(string text) => Input.Names.Printable(text.Length > 80 ? text[..80] + "…" : text);
}
