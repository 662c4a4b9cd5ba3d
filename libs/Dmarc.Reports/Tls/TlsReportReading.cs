using System.Globalization;
using System.Text.Json;
using Dmarc.Reports.Aggregate;

namespace Dmarc.Reports.Tls;

/// <summary>
/// Builds a <see cref="TlsReport"/> from the JSON object of a report. The report-level fields RFC 8460 requires
/// (<c>organization-name</c>, <c>report-id</c>, <c>date-range</c>, <c>policies</c>) must be there with the right
/// types, or the report is invalid; anything wrong inside a policy is an error of the report, which is kept.
/// </summary>
internal sealed class TlsReportReading(JsonElement root, string payloadSha256)
{
    private readonly TlsJsonFields _fields = new();

    /// <summary>The report, or null and why it cannot be read.</summary>
    public (TlsReport? Report, string? Invalid) Read()
    {
        if (RequiredText("organization-name") is not { } organization)
        {
            return (null, Missing("organization-name"));
        }

        if (RequiredText("report-id") is not { } reportId)
        {
            return (null, Missing("report-id"));
        }

        if (!root.TryGetProperty("date-range", out var range) || range.ValueKind != JsonValueKind.Object)
        {
            return (null, Missing("date-range"));
        }

        var (begin, badBegin) = Time(range, "start-datetime");
        var (end, badEnd) = Time(range, "end-datetime");
        if ((badBegin ?? badEnd) is { } badTime)
        {
            return (null, badTime);
        }

        if (!root.TryGetProperty("policies", out var policies) || policies.ValueKind != JsonValueKind.Array)
        {
            return (null, Missing("policies", "a list"));
        }

        var results = Policies(policies);
        return (new TlsReport
        {
            OrganizationName = organization,
            ReportId = reportId,
            Period = new ReportPeriod(begin, end),
            ContactInfo = _fields.Text(root, "contact-info", "$"),
            Policies = results,
            Errors = _fields.Errors,
            PayloadSha256 = payloadSha256,
        }, null);
    }

    private string? RequiredText(string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.String or JsonValueKind.Number
            ? _fields.Text(root, name, "$")
            : null;

    private string Missing(string name, string what = "a text")
    {
        var found = root.TryGetProperty(name, out var value) ? TlsJsonFields.Describe(value.ValueKind) : "missing";
        var empty = value.ValueKind == JsonValueKind.String ? " (empty)" : "";
        return $"the SMTP TLS report's $.{name} is {found}{empty}; it must be {what}";
    }

    private (DateTimeOffset Time, string? Invalid) Time(JsonElement range, string name)
    {
        var where = $"$.date-range.{name}";
        if (!range.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.String)
        {
            var found = range.TryGetProperty(name, out value) ? TlsJsonFields.Describe(value.ValueKind) : "missing";
            return (default, $"the SMTP TLS report's {where} is {found}; it must be a date-time (RFC 3339)");
        }

        var text = value.GetString()!.Trim();
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? (time, null)
            : (default, $"the SMTP TLS report's {where} \"{Shorten(text)}\" is not a date-time (RFC 3339)");
    }

    private List<TlsPolicyResult> Policies(JsonElement policies)
    {
        var results = new List<TlsPolicyResult>();
        var index = 0;
        foreach (var entry in policies.EnumerateArray())
        {
            var path = string.Create(CultureInfo.InvariantCulture, $"$.policies[{index++}]");
            if (entry.ValueKind != JsonValueKind.Object)
            {
                _fields.Error(path, $"the policy entry is {TlsJsonFields.Describe(entry.ValueKind)}, not an object; skipped");
                continue;
            }

            if (Policy(entry, path) is { } result)
            {
                results.Add(result);
            }
        }

        return results;
    }

    private TlsPolicyResult? Policy(JsonElement entry, string path)
    {
        var policyPath = path + ".policy";
        var hasPolicy = entry.TryGetProperty("policy", out var policy) && policy.ValueKind == JsonValueKind.Object;
        var (successful, failed) = Summary(entry, path);
        var details = FailureDetails(entry, path);
        if ((hasPolicy ? _fields.Text(policy, "policy-domain", policyPath) : null) is not { } domain)
        {
            _fields.Error(hasPolicy ? policyPath + ".policy-domain" : policyPath, string.Create(CultureInfo.InvariantCulture,
                $"the policy names no domain; its {successful} successful and {failed} failed sessions ({details.Count} failure details) are not counted"));
            return null;
        }

        return new TlsPolicyResult
        {
            Type = PolicyType(policy, policyPath),
            Domain = AggregateValues.Domain(domain),
            PolicyStrings = _fields.Texts(policy, "policy-string", policyPath),
            MxHosts = _fields.Texts(policy, "mx-host", policyPath),
            SuccessfulSessionCount = successful,
            FailedSessionCount = failed,
            FailureDetails = details,
        };
    }

    private TlsPolicyType? PolicyType(JsonElement policy, string policyPath)
    {
        var text = _fields.Text(policy, "policy-type", policyPath);
        var type = text is null ? null : TlsResultTypes.PolicyType(text);
        if (type is null)
        {
            _fields.Error(policyPath + ".policy-type", text is null
                ? "the policy type is missing"
                : $"the policy type \"{Shorten(text)}\" is not sts, tlsa or no-policy-found");
        }

        return type;
    }

    private (long Successful, long Failed) Summary(JsonElement entry, string path)
    {
        if (!entry.TryGetProperty("summary", out var summary) || summary.ValueKind != JsonValueKind.Object)
        {
            _fields.Error(path + ".summary", "the policy has no summary; its session counts are read as 0");
            return (0, 0);
        }

        var summaryPath = path + ".summary";
        return (_fields.Count(summary, "total-successful-session-count", summaryPath),
            _fields.Count(summary, "total-failure-session-count", summaryPath));
    }

    private List<TlsFailureDetail> FailureDetails(JsonElement entry, string path)
    {
        var details = new List<TlsFailureDetail>();
        var listPath = path + ".failure-details";
        if (!entry.TryGetProperty("failure-details", out var list) || list.ValueKind == JsonValueKind.Null)
        {
            return details;
        }

        if (list.ValueKind != JsonValueKind.Array)
        {
            _fields.Error(listPath, $"is {TlsJsonFields.Describe(list.ValueKind)}, not a list; ignored");
            return details;
        }

        var index = 0;
        foreach (var item in list.EnumerateArray())
        {
            var itemPath = string.Create(CultureInfo.InvariantCulture, $"{listPath}[{index++}]");
            if (item.ValueKind != JsonValueKind.Object)
            {
                _fields.Error(itemPath, $"the failure detail is {TlsJsonFields.Describe(item.ValueKind)}, not an object; skipped");
                continue;
            }

            details.Add(FailureDetail(item, itemPath));
        }

        return details;
    }

    private TlsFailureDetail FailureDetail(JsonElement item, string path)
    {
        var resultType = _fields.Text(item, "result-type", path);
        if (resultType is null)
        {
            _fields.Error(path + ".result-type", "the failure detail names no result type");
        }

        return new TlsFailureDetail
        {
            ResultType = resultType is null ? "" : TlsResultTypes.Canonical(resultType),
            FailedSessionCount = _fields.Count(item, "failed-session-count", path),
            SendingMtaIp = Ip(_fields.Text(item, "sending-mta-ip", path)),
            ReceivingIp = Ip(_fields.Text(item, "receiving-ip", path)),
            ReceivingMxHostname = _fields.Text(item, "receiving-mx-hostname", path),
            ReceivingMxHelo = _fields.Text(item, "receiving-mx-helo", path),
            AdditionalInformation = _fields.Text(item, "additional-information", path),
            FailureReasonCode = _fields.Text(item, "failure-reason-code", path),
        };
    }

    private static string? Ip(string? text) => text is null ? null : AggregateValues.SourceIp(text);

    private static string Shorten(string text) => text.Length > 80 ? text[..80] + "…" : text;
}
