using System.Xml;

namespace Dmarc.Reports.Aggregate;

/// <summary>
/// The element names of aggregate reports, atomised in one <see cref="XmlNameTable"/> so that an element is resolved
/// by reference comparison. Namespaces are ignored: reporters send RFC 9990 fields with and without theirs.
/// </summary>
internal sealed class ReportVocabulary
{
    // Per parent node, its children's atomised names: a few reference comparisons beat hashing the name.
    private readonly (string Name, ReportNode Node)[][] _children = new (string, ReportNode)[Enum.GetValues<ReportNode>().Length][];
    private readonly string _version;

    public ReportVocabulary(XmlNameTable names)
    {
        Names = names;
        _version = names.Add("version");
        Feedback = names.Add("feedback");
        Schema = names.Add("schema");
        Add(ReportNode.Wrapper, "feedback", ReportNode.Feedback);
        Add(ReportNode.Feedback, "report_metadata", ReportNode.Metadata);
        Add(ReportNode.Feedback, "policy_published", ReportNode.Policy);
        Add(ReportNode.Feedback, "record", ReportNode.Record);
        Add(ReportNode.Metadata, "org_name", ReportNode.OrgName);
        Add(ReportNode.Metadata, "email", ReportNode.Email);
        Add(ReportNode.Metadata, "extra_contact_info", ReportNode.ExtraContactInfo);
        Add(ReportNode.Metadata, "report_id", ReportNode.ReportId);
        Add(ReportNode.Metadata, "date_range", ReportNode.DateRange);
        Add(ReportNode.Metadata, "error", ReportNode.MetadataError);
        Add(ReportNode.Metadata, "generator", ReportNode.Generator);
        Add(ReportNode.Feedback, "generator", ReportNode.Generator);
        Add(ReportNode.DateRange, "begin", ReportNode.Begin);
        Add(ReportNode.DateRange, "end", ReportNode.End);
        Add(ReportNode.Policy, "domain", ReportNode.PolicyDomain);
        Add(ReportNode.Policy, "adkim", ReportNode.Adkim);
        Add(ReportNode.Policy, "aspf", ReportNode.Aspf);
        Add(ReportNode.Policy, "p", ReportNode.P);
        Add(ReportNode.Policy, "sp", ReportNode.Sp);
        Add(ReportNode.Policy, "np", ReportNode.Np);
        Add(ReportNode.Policy, "pct", ReportNode.Pct);
        Add(ReportNode.Policy, "fo", ReportNode.Fo);
        Add(ReportNode.Policy, "testing", ReportNode.Testing);
        Add(ReportNode.Policy, "discovery_method", ReportNode.DiscoveryMethod);
        Add(ReportNode.Record, "row", ReportNode.Row);
        Add(ReportNode.Record, "identifiers", ReportNode.Identifiers);
        Add(ReportNode.Record, "auth_results", ReportNode.AuthResults);
        Add(ReportNode.Row, "source_ip", ReportNode.SourceIp);
        Add(ReportNode.Row, "count", ReportNode.Count);
        Add(ReportNode.Row, "policy_evaluated", ReportNode.PolicyEvaluated);
        Add(ReportNode.PolicyEvaluated, "disposition", ReportNode.Disposition);
        Add(ReportNode.PolicyEvaluated, "dkim", ReportNode.EvaluatedDkim);
        Add(ReportNode.PolicyEvaluated, "spf", ReportNode.EvaluatedSpf);
        Add(ReportNode.PolicyEvaluated, "reason", ReportNode.Reason);
        Add(ReportNode.Reason, "type", ReportNode.ReasonType);
        Add(ReportNode.Reason, "comment", ReportNode.ReasonComment);
        Add(ReportNode.Identifiers, "envelope_to", ReportNode.EnvelopeTo);
        Add(ReportNode.Identifiers, "envelope_from", ReportNode.EnvelopeFrom);
        Add(ReportNode.Identifiers, "header_from", ReportNode.HeaderFrom);
        Add(ReportNode.AuthResults, "dkim", ReportNode.Dkim);
        Add(ReportNode.AuthResults, "spf", ReportNode.Spf);
        Add(ReportNode.Dkim, "domain", ReportNode.DkimDomain);
        Add(ReportNode.Dkim, "selector", ReportNode.DkimSelector);
        Add(ReportNode.Dkim, "result", ReportNode.DkimResult);
        Add(ReportNode.Dkim, "human_result", ReportNode.DkimHumanResult);
        Add(ReportNode.Spf, "domain", ReportNode.SpfDomain);
        Add(ReportNode.Spf, "scope", ReportNode.SpfScope);
        Add(ReportNode.Spf, "result", ReportNode.SpfResult);
        Add(ReportNode.Spf, "human_result", ReportNode.SpfHumanResult);
    }

    public XmlNameTable Names { get; }

    public string Feedback { get; }

    public string Schema { get; }

    /// <summary>The node of element <paramref name="name"/> (atomised in <see cref="Names"/>) inside <paramref name="parent"/>.</summary>
    public ReportNode Child(ReportNode parent, string name)
    {
        if (parent == ReportNode.Ignored)
        {
            return ReportNode.Ignored;
        }

        if (ReferenceEquals(name, _version))
        {
            // <version> turns up in odd places; wherever it is, it is the schema version.
            return ReportNode.Version;
        }

        foreach (var (childName, child) in _children[(int)parent] ?? [])
        {
            if (ReferenceEquals(childName, name))
            {
                return child;
            }
        }

        return ReportNode.Ignored;
    }

    private void Add(ReportNode parent, string name, ReportNode child) =>
        _children[(int)parent] = [.. _children[(int)parent] ?? [], (Names.Add(name), child)];
}
