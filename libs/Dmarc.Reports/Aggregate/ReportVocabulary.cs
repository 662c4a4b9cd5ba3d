using System.Runtime.CompilerServices;
namespace Dmarc.Reports.Aggregate;

/// <summary>
/// The element names of aggregate reports, as UTF-8 bytes, per parent element. Namespaces and prefixes are ignored:
/// reporters send RFC 9990 fields with and without theirs.
/// </summary>
internal static class ReportVocabulary
{
    // Per parent node, its children's names with a cheap key (length and first and last byte) compared first:
    // a few integer comparisons and one byte comparison beat hashing the name.
    private static readonly (int Key, byte[] Name, ReportNode Node)[][] Children = Build();

    private static int KeyOf(ReadOnlySpan<byte> name) => name.IsEmpty ? 0 : (name.Length << 16) | (name[0] << 8) | name[^1];

    /// <summary>The node of the root element named <paramref name="localName"/>.</summary>
    public static ReportNode Root(ReadOnlySpan<byte> localName) =>
        localName.SequenceEqual("feedback"u8) ? ReportNode.Feedback
        : localName.SequenceEqual("schema"u8) ? ReportNode.Wrapper
        : ReportNode.Ignored;

    /// <summary>The node of element <paramref name="localName"/> inside <paramref name="parent"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ReportNode Child(ReportNode parent, ReadOnlySpan<byte> localName)
    {
        if (parent == ReportNode.Ignored)
        {
            return ReportNode.Ignored;
        }

        var key = KeyOf(localName);
        foreach (var (childKey, name, child) in Children[(int)parent] ?? [])
        {
            if (childKey == key && localName.SequenceEqual(name))
            {
                return child;
            }
        }

        // <version> turns up in odd places; wherever it is, it is the schema version.
        return localName.SequenceEqual("version"u8) ? ReportNode.Version : ReportNode.Ignored;
    }

    /// <summary>The known children of <paramref name="parent"/>, names as UTF-8, in the order reporters usually write them.</summary>
    public static IEnumerable<(byte[] Name, ReportNode Node)> ChildrenOf(ReportNode parent) =>
        (Children[(int)parent] ?? []).Select(child => (child.Name, child.Node));

    private static (int, byte[], ReportNode)[][] Build()
    {
        var children = new (int, byte[], ReportNode)[Enum.GetValues<ReportNode>().Length][];
        void Add(ReportNode parent, ReadOnlySpan<byte> name, ReportNode child) =>
            children[(int)parent] = [.. children[(int)parent] ?? [], (KeyOf(name), name.ToArray(), child)];

        Add(ReportNode.Wrapper, "feedback"u8, ReportNode.Feedback);
        Add(ReportNode.Wrapper, "feedback"u8, ReportNode.Feedback);
        Add(ReportNode.Feedback, "report_metadata"u8, ReportNode.Metadata);
        Add(ReportNode.Feedback, "policy_published"u8, ReportNode.Policy);
        Add(ReportNode.Feedback, "record"u8, ReportNode.Record);
        Add(ReportNode.Metadata, "org_name"u8, ReportNode.OrgName);
        Add(ReportNode.Metadata, "email"u8, ReportNode.Email);
        Add(ReportNode.Metadata, "extra_contact_info"u8, ReportNode.ExtraContactInfo);
        Add(ReportNode.Metadata, "report_id"u8, ReportNode.ReportId);
        Add(ReportNode.Metadata, "date_range"u8, ReportNode.DateRange);
        Add(ReportNode.Metadata, "error"u8, ReportNode.MetadataError);
        Add(ReportNode.Metadata, "generator"u8, ReportNode.Generator);
        Add(ReportNode.Feedback, "generator"u8, ReportNode.Generator);
        Add(ReportNode.DateRange, "begin"u8, ReportNode.Begin);
        Add(ReportNode.DateRange, "end"u8, ReportNode.End);
        Add(ReportNode.Policy, "domain"u8, ReportNode.PolicyDomain);
        Add(ReportNode.Policy, "adkim"u8, ReportNode.Adkim);
        Add(ReportNode.Policy, "aspf"u8, ReportNode.Aspf);
        Add(ReportNode.Policy, "p"u8, ReportNode.P);
        Add(ReportNode.Policy, "sp"u8, ReportNode.Sp);
        Add(ReportNode.Policy, "np"u8, ReportNode.Np);
        Add(ReportNode.Policy, "pct"u8, ReportNode.Pct);
        Add(ReportNode.Policy, "fo"u8, ReportNode.Fo);
        Add(ReportNode.Policy, "testing"u8, ReportNode.Testing);
        Add(ReportNode.Policy, "discovery_method"u8, ReportNode.DiscoveryMethod);
        Add(ReportNode.Record, "row"u8, ReportNode.Row);
        Add(ReportNode.Record, "identifiers"u8, ReportNode.Identifiers);
        Add(ReportNode.Record, "auth_results"u8, ReportNode.AuthResults);
        Add(ReportNode.Row, "source_ip"u8, ReportNode.SourceIp);
        Add(ReportNode.Row, "count"u8, ReportNode.Count);
        Add(ReportNode.Row, "policy_evaluated"u8, ReportNode.PolicyEvaluated);
        Add(ReportNode.PolicyEvaluated, "disposition"u8, ReportNode.Disposition);
        Add(ReportNode.PolicyEvaluated, "dkim"u8, ReportNode.EvaluatedDkim);
        Add(ReportNode.PolicyEvaluated, "spf"u8, ReportNode.EvaluatedSpf);
        Add(ReportNode.PolicyEvaluated, "reason"u8, ReportNode.Reason);
        Add(ReportNode.Reason, "type"u8, ReportNode.ReasonType);
        Add(ReportNode.Reason, "comment"u8, ReportNode.ReasonComment);
        Add(ReportNode.Identifiers, "envelope_to"u8, ReportNode.EnvelopeTo);
        Add(ReportNode.Identifiers, "envelope_from"u8, ReportNode.EnvelopeFrom);
        Add(ReportNode.Identifiers, "header_from"u8, ReportNode.HeaderFrom);
        Add(ReportNode.AuthResults, "dkim"u8, ReportNode.Dkim);
        Add(ReportNode.AuthResults, "spf"u8, ReportNode.Spf);
        Add(ReportNode.Dkim, "domain"u8, ReportNode.DkimDomain);
        Add(ReportNode.Dkim, "selector"u8, ReportNode.DkimSelector);
        Add(ReportNode.Dkim, "result"u8, ReportNode.DkimResult);
        Add(ReportNode.Dkim, "human_result"u8, ReportNode.DkimHumanResult);
        Add(ReportNode.Spf, "domain"u8, ReportNode.SpfDomain);
        Add(ReportNode.Spf, "scope"u8, ReportNode.SpfScope);
        Add(ReportNode.Spf, "result"u8, ReportNode.SpfResult);
        Add(ReportNode.Spf, "human_result"u8, ReportNode.SpfHumanResult);
        return children;
    }
}
