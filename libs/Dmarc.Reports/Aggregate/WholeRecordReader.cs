using System.Runtime.CompilerServices;

namespace Dmarc.Reports.Aggregate;

/// <summary>
/// Reads a <c>&lt;record&gt;</c> that the scanner's buffer holds whole, when it has the form nearly every reporter
/// writes: known elements only, plain tags without attributes, values without references or CDATA, nothing but
/// whitespace between elements. The tags are matched as literal bytes, so a record costs a few comparisons per
/// element instead of a general tag scan and a name lookup. The record is first checked whole and only then handed
/// to the builder, with exactly the events the general path would give; on any other form nothing has happened and
/// the general path reads the record instead.
/// </summary>
internal sealed class WholeRecordReader
{
    /// <summary>A record with more elements than this (dozens of DKIM signatures) is left to the general path.</summary>
    private const int MaxSteps = 256;

    private static readonly Element[][] ChildrenOf = BuildChildren();

    private Step[] _steps = new Step[64];
    private int _count;

    /// <summary>
    /// Reads the record whose start tag has just been passed; <paramref name="content"/> runs from there to the end of
    /// what is buffered. Returns how many bytes of it the record took (through <c>&lt;/record&gt;</c>), or -1 when the
    /// general path must read it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int TryRead(ReadOnlySpan<byte> content, AggregateReportBuilder builder)
    {
        _count = 0;
        var end = Children(content, 0, ReportNode.Record, "</record>"u8);
        if (end < 0)
        {
            return -1;
        }

        Replay(content, builder);
        return end;
    }

    /// <summary>Matches the children of <paramref name="parent"/> and its end tag; the position after it, or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int Children(ReadOnlySpan<byte> content, int position, ReportNode parent, ReadOnlySpan<byte> endTag)
    {
        var children = ChildrenOf[(int)parent];
        var next = 0;
        while (true)
        {
            position = SkipWhitespace(content, position);
            if (position + 1 >= content.Length || content[position] != (byte)'<')
            {
                return -1;
            }

            if (content[position + 1] == (byte)'/')
            {
                return content[position..].StartsWith(endTag) ? position + endTag.Length : -1;
            }

            var found = Match(content[position..], children, next);
            if (found < 0 || _count >= MaxSteps - 1)
            {
                return -1;
            }

            var child = children[found];
            next = found + 1;
            position += child.StartTag.Length;
            if (child.IsValue)
            {
                position = Value(content, position, child);
            }
            else
            {
                Add(new Step(child.Node, 0, Step.StartOfSection));
                position = Children(content, position, child.Node, child.EndTag);
                Add(new Step(child.Node, 0, Step.EndOfSection));
            }

            if (position < 0)
            {
                return -1;
            }
        }
    }

    /// <summary>The known child whose start tag is at the front, trying the one expected next first.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Match(ReadOnlySpan<byte> content, Element[] children, int next)
    {
        for (var i = 0; i < children.Length; i++)
        {
            var candidate = next + i < children.Length ? next + i : next + i - children.Length;
            if (content.StartsWith(children[candidate].StartTag))
            {
                return candidate;
            }
        }

        return -1;
    }

    /// <summary>A value's text and end tag; the position after them, or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Value(ReadOnlySpan<byte> content, int position, Element element)
    {
        var text = content[position..];
        var length = text.IndexOfAny((byte)'<', (byte)'&');
        if (length < 0 || text[length] != (byte)'<' || !text[length..].StartsWith(element.EndTag))
        {
            return -1;
        }

        Add(new Step(element.Node, position, length));
        return position + length + element.EndTag.Length;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int SkipWhitespace(ReadOnlySpan<byte> content, int position)
    {
        while (position < content.Length && content[position] is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t')
        {
            position++;
        }

        return position;
    }

    private void Add(Step step)
    {
        if (_count == _steps.Length)
        {
            Array.Resize(ref _steps, _steps.Length * 2);
        }

        _steps[_count++] = step;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Replay(ReadOnlySpan<byte> content, AggregateReportBuilder builder)
    {
        builder.StartChild(ReportNode.Record);
        foreach (var step in _steps.AsSpan(0, _count))
        {
            switch (step.Length)
            {
                case Step.StartOfSection:
                    builder.StartChild(step.Node);
                    break;
                case Step.EndOfSection:
                    builder.End();
                    break;
                default:
                    builder.StartChild(step.Node);
                    builder.EndValue(content.Slice(step.Start, step.Length));
                    break;
            }
        }

        builder.End();
    }

    /// <summary>The record's sections and values, from the vocabulary, with their tags spelled out.</summary>
    private static Element[][] BuildChildren()
    {
        var children = new Element[Enum.GetValues<ReportNode>().Length][];
        void Add(ReportNode parent)
        {
            children[(int)parent] = [.. ReportVocabulary.ChildrenOf(parent).Select(child => new Element(
                child.Node,
                [(byte)'<', .. child.Name, (byte)'>'],
                [(byte)'<', (byte)'/', .. child.Name, (byte)'>'],
                AggregateReportBuilder.IsValue(child.Node)))];
            foreach (var section in children[(int)parent].Where(child => !child.IsValue))
            {
                Add(section.Node);
            }
        }

        Add(ReportNode.Record);
        return children;
    }

    private sealed record Element(ReportNode Node, byte[] StartTag, byte[] EndTag, bool IsValue);

    /// <summary>A value (its text's place in the content), or the start or end of a section.</summary>
    private readonly record struct Step(ReportNode Node, int Start, int Length)
    {
        public const int StartOfSection = -1;
        public const int EndOfSection = -2;
    }
}
