namespace Dmarc.Reports.Tests.Conformance;

/// <summary>One field where parsedmarc and we say different things.</summary>
internal sealed record Difference(string Field, string? Parsedmarc, string? Ours)
{
    public override string ToString() => $"{Field}: parsedmarc \"{Parsedmarc}\", ours \"{Ours}\"";
}

/// <summary>Compares two <see cref="ReportView"/>s field by field.</summary>
internal static class ReportComparison
{
    /// <param name="parsedmarc">parsedmarc's report.</param>
    /// <param name="ours">our report, in parsedmarc's conventions (<see cref="OurView"/>).</param>
    /// <param name="rejoinDays">
    /// parsedmarc split each record into per-day pieces (count apportioned by the seconds of each day, pieces of count 0
    /// dropped). The pieces are joined again (same record, counts added) and compared with our records as sent.
    /// </param>
    public static List<Difference> Compare(ReportView parsedmarc, ReportView ours, bool rejoinDays)
    {
        var differences = new List<Difference>();
        void Check(string field, string? expected, string? actual)
        {
            if (!string.Equals(expected, actual, StringComparison.Ordinal))
            {
                differences.Add(new Difference(field, expected, actual));
            }
        }

        if (!SameOrganisation(parsedmarc.OrgName, ours.OrgName))
        {
            differences.Add(new Difference("org_name", parsedmarc.OrgName, ours.OrgName));
        }

        Check("email", parsedmarc.Email, ours.Email);
        Check("report_id", parsedmarc.ReportId, ours.ReportId);
        Check("begin", parsedmarc.Begin, ours.Begin);
        Check("end", parsedmarc.End, ours.End);

        var (p, o) = (parsedmarc.Policy, ours.Policy);
        Check("policy.domain", p.Domain, o.Domain);
        Check("policy.adkim", p.Adkim, o.Adkim);
        Check("policy.aspf", p.Aspf, o.Aspf);
        Check("policy.p", p.P, o.P);
        Check("policy.sp", p.Sp, o.Sp);
        Check("policy.pct", p.Pct, o.Pct);
        Check("policy.fo", p.Fo, o.Fo);
        Check("policy.np", p.Np, o.Np);
        Check("policy.testing", p.Testing, o.Testing);
        Check("policy.discovery_method", p.DiscoveryMethod, o.DiscoveryMethod);

        var expectedRecords = rejoinDays ? Rejoin(parsedmarc.Records) : parsedmarc.Records;
        var actualRecords = rejoinDays ? Rejoin(ours.Records.Where(record => record.Count > 0)) : ours.Records;
        Check("records.count", expectedRecords.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
            actualRecords.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        for (var i = 0; i < Math.Min(expectedRecords.Count, actualRecords.Count); i++)
        {
            var (e, a) = (expectedRecords[i], actualRecords[i]);
            var at = $"records[{i}]";
            Check($"{at}.source_ip", e.SourceIp, a.SourceIp);
            Check($"{at}.count", e.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), a.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Check($"{at}.disposition", e.Disposition, a.Disposition);
            Check($"{at}.policy_evaluated.dkim", e.Dkim, a.Dkim);
            Check($"{at}.policy_evaluated.spf", e.Spf, a.Spf);
            Check($"{at}.reasons", e.Reasons, a.Reasons);
            Check($"{at}.header_from", e.HeaderFrom, a.HeaderFrom);
            Check($"{at}.envelope_from", e.EnvelopeFrom, a.EnvelopeFrom);
            Check($"{at}.auth_results.dkim", e.DkimResults, a.DkimResults);
            Check($"{at}.auth_results.spf", e.SpfResults, a.SpfResults);
        }

        return differences;
    }

    /// <summary>
    /// parsedmarc reduces an org_name that is a domain to its base domain ("sicher.gmx.net" to "gmx.net") and may change
    /// its case ("Mail.Ru" to "mail.ru"); both name the same reporter.
    /// </summary>
    private static bool SameOrganisation(string parsedmarc, string ours) =>
        string.Equals(parsedmarc, ours, StringComparison.OrdinalIgnoreCase)
        || (!parsedmarc.Contains(' ', StringComparison.Ordinal) && ours.EndsWith("." + parsedmarc, StringComparison.OrdinalIgnoreCase));

    /// <summary>Records with the same content joined into one, counts added, in order of first appearance.</summary>
    private static List<RecordView> Rejoin(IEnumerable<RecordView> records)
    {
        var joined = new List<RecordView>();
        var index = new Dictionary<RecordView, int>();
        foreach (var record in records)
        {
            if (index.TryGetValue(record.WithoutCount, out var at))
            {
                joined[at] = joined[at] with { Count = joined[at].Count + record.Count };
            }
            else
            {
                index[record.WithoutCount] = joined.Count;
                joined.Add(record);
            }
        }

        return joined;
    }
}
