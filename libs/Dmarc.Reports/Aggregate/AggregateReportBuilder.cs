using System.Globalization;
using System.Runtime.CompilerServices;
using Dmarc.Reports.Input;

namespace Dmarc.Reports.Aggregate;

/// <summary>
/// Builds an aggregate report from element events (start, text, end) in one pass, handing each record to
/// <c>onRecord</c> as soon as it ends so that memory stays flat. Knows nothing of where the events come from.
/// </summary>
internal sealed class AggregateReportBuilder(ReportLimits limits, Action<AggregateRecord> onRecord)
{
    private readonly ReportNode[] _stack = new ReportNode[limits.MaxXmlDepth + 1];
    private readonly List<ReportError> _errors = [];
    private readonly ReportHeaderFields _header = new();
    private readonly RecordFields _record = new();
    private readonly LeafText _text = new(limits.MaxXmlValueLength);
    private readonly bool[] _containers = Containers;
    private int _depth;
    private int _policySections;
    private bool _endOfInput;

    public bool RootSeen { get; private set; }
    public bool IsFeedback { get; private set; }
    public bool RootClosed { get; private set; }
    public long RecordCount { get; private set; }
    public string? RootNamespace { get; set; }
    public IReadOnlyList<ReportError> Errors => _errors;

    public void AddError(ReportErrorSource source, string message) => _errors.Add(new ReportError(source, message));

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Start(ReadOnlySpan<byte> localName)
    {
        if (_depth == 0)
        {
            if (RootSeen)
            {
                // A second root after </feedback>: nothing of ours can be in it.
                Push(ReportNode.Ignored);
                return;
            }

            RootSeen = true;
            var root = ReportVocabulary.Root(localName);
            IsFeedback = root == ReportNode.Feedback;
            Push(root);
            return;
        }

        StartChild(ReportVocabulary.Child(_stack[_depth - 1], localName));
    }

    /// <summary>True when the element being read is the report's root, where records sit.</summary>
    public bool AtRecordLevel => _depth > 0 && _stack[_depth - 1] == ReportNode.Feedback;

    /// <summary>An element below the root whose node is already known (the scanner's whole-record path knows it).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void StartChild(ReportNode node)
    {
        switch (node)
        {
            case ReportNode.Feedback:
                IsFeedback = true;
                break;
            case ReportNode.Policy when ++_policySections > 1:
                node = ReportNode.Ignored;
                if (_policySections == 2)
                {
                    AddError(ReportErrorSource.Metadata, "the report has several policy_published sections; the first one is used");
                }

                break;
            case ReportNode.Record:
                _record.Clear();
                break;
            case ReportNode.Reason:
                _record.ReasonType = _record.ReasonComment = null;
                break;
            case ReportNode.Dkim or ReportNode.Spf:
                _record.AuthDomain = _record.AuthSelectorOrScope = _record.AuthResult = _record.AuthHuman = null;
                break;
        }

        Push(node);
        _text.Clear();
    }

    /// <summary>True when the element being read is one whose text is a value.</summary>
    public bool WantsText => _depth > 0 && IsLeaf(_stack[_depth - 1]);

    /// <summary>Character data (UTF-8, references already resolved) of the element being read.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Text(ReadOnlySpan<byte> utf8)
    {
        if (_depth > 0 && IsLeaf(_stack[_depth - 1]))
        {
            _text.Append(utf8);
        }
    }

    /// <summary>Elements whose text is a value; the text between container elements is only layout.</summary>
    private bool IsLeaf(ReportNode node) => !_containers[(int)node];

    private static readonly bool[] Containers = Enum.GetValues<ReportNode>()
        .Select(node => node is ReportNode.Ignored or ReportNode.Feedback or ReportNode.Wrapper or ReportNode.Metadata
            or ReportNode.DateRange or ReportNode.Policy or ReportNode.Record or ReportNode.Row or ReportNode.PolicyEvaluated
            or ReportNode.Reason or ReportNode.Identifiers or ReportNode.AuthResults or ReportNode.Dkim or ReportNode.Spf)
        .ToArray();

    /// <summary>The text of the value element being read and its end, in one step (see the scanner's whole values).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void EndValue(ReadOnlySpan<byte> utf8)
    {
        if (_depth == 0)
        {
            return;
        }

        var node = _stack[--_depth];
        _text.Clear();
        Ended(node, IsLeaf(node) ? _text.ToText(node, utf8) : "");
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void End()
    {
        if (_depth == 0)
        {
            return;
        }

        var node = _stack[--_depth];
        var text = IsLeaf(node) ? _text.ToText(node) : "";
        _text.Clear();
        Ended(node, text);
    }

    /// <summary>Whether <paramref name="node"/> is an element whose text is a value.</summary>
    public static bool IsValue(ReportNode node) => !Containers[(int)node];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Ended(ReportNode node, string text)
    {
        if (node == ReportNode.Feedback && !_endOfInput)
        {
            RootClosed = true;
        }

        if (node <= ReportNode.DiscoveryMethod)
        {
            _header.Set(node, text);
        }
        else if (!_record.Set(node, text))
        {
            EndSection(node);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void EndSection(ReportNode node)
    {
        switch (node)
        {
            case ReportNode.Reason:
                _record.AddReason();
                break;
            case ReportNode.Dkim:
                _record.AddDkim(this);
                break;
            case ReportNode.Spf:
                _record.AddSpf(this);
                break;
            case ReportNode.Record:
                EndRecord();
                break;
        }
    }

    /// <summary>
    /// The input ended with elements still open (a truncated report): closes them, but a record cut off in the middle
    /// is not counted, since its values are partial.
    /// </summary>
    public void EndOfInput()
    {
        _endOfInput = true;
        while (_depth > 0)
        {
            End();
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void EndRecord()
    {
        if (_endOfInput)
        {
            AddError(ReportErrorSource.Record, $"{Describe(RecordCount + 1)} skipped: the report ends in the middle of it");
            return;
        }

        RecordCount++;
        var record = _record.Build(RecordCount, this);
        if (record is null)
        {
            RecordCount--;
            return;
        }

        onRecord(record);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Push(ReportNode node)
    {
        if (_depth >= limits.MaxXmlDepth)
        {
            throw new ReportLimitExceededException($"XML elements nest more than {limits.MaxXmlDepth} levels deep (limit MaxXmlDepth)");
        }

        _stack[_depth++] = node;
    }

    /// <summary>The report once all events are in, or why it cannot be one.</summary>
    public (AggregateReport? Report, string? Invalid) Finish(string payloadSha256)
    {
        var missing = _header.Missing();
        if (missing.Count > 0)
        {
            return (null, $"the aggregate report lacks required fields: {string.Join(", ", missing)}");
        }

        var report = new AggregateReport
        {
            SchemaVersion = _header.Version,
            XmlNamespace = string.IsNullOrEmpty(RootNamespace) ? null : RootNamespace,
            Metadata = _header.Metadata(),
            Policy = _header.Policy(this),
            RecordCount = RecordCount,
            PayloadSha256 = payloadSha256,
        };
        if (_text.InvalidUtf8Bytes > 0)
        {
            AddError(ReportErrorSource.Xml, string.Create(CultureInfo.InvariantCulture,
                $"{_text.InvalidUtf8Bytes} bytes were not valid UTF-8 and were read as windows-1252"));
        }

        return (report with { Errors = [.. _header.ReporterErrors.Select(e => new ReportError(ReportErrorSource.Reporter, e)), .. _errors] }, null);
    }

    internal static string Describe(long recordNumber) => string.Create(CultureInfo.InvariantCulture, $"record {recordNumber}");
}
