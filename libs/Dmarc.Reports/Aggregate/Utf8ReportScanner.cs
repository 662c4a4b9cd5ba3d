using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Dmarc.Reports.Input;

namespace Dmarc.Reports.Aggregate;

/// <summary>
/// Reads the XML of an aggregate report as UTF-8 bytes in one streaming pass and drives an
/// <see cref="AggregateReportBuilder"/>. Well-formed documents are read exactly; broken ones (unescaped <c>&lt;</c>
/// or <c>&amp;</c>, mismatched or missing end tags, truncation) are read around, and the first problem is kept for
/// the report's errors. Only the five predefined entities and character references are resolved: a DTD is refused,
/// so no entity can ever be declared, expanded or fetched.
/// </summary>
internal sealed class Utf8ReportScanner(Stream input, AggregateReportBuilder builder, ReportLimits limits) : IDisposable
{
    private const int BufferSize = 64 * 1024;

    private readonly OpenElements _open = new(limits.MaxXmlDepth);
    private readonly ArrayBufferWriter<byte> _resolved = new(256);
    private readonly WholeRecordReader _records = new();
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
    private int _position;
    private int _end;
    private bool _inputEnded;
    private long _linesBefore;

    /// <summary>The first way in which the document is not well-formed, with its line; null when it is.</summary>
    public string? FirstProblem { get; private set; }

    /// <summary>Elements still open when the input ended (a truncated document).</summary>
    public int UnclosedAtEnd { get; private set; }

    /// <summary>The name of the only element left open at the end, when just one was.</summary>
    public string? LastUnclosed { get; private set; }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Scan()
    {
        Fill();
        SkipByteOrderMark();
        while (true)
        {
            var available = _buffer.AsSpan(_position, _end - _position);
            var lt = NextTag(available);
            if (lt < 0)
            {
                var safe = _inputEnded ? available.Length : SafeTextLength(available);
                Characters(available[..safe]);
                _position += safe;
                if (_inputEnded)
                {
                    break;
                }

                Fill();
                continue;
            }

            if (lt > 0 && (builder.WantsText || _open.Count == 0))
            {
                // Between container elements the text is only indentation: not even looked at.
                Characters(available[..lt]);
            }

            _position += lt;
            if (!TryMarkup() && !Fill() && !TryMarkup())
            {
                // The input ends inside a tag: what is left is not a tag.
                Problem("the document ends inside a tag");
                _position = _end;
                break;
            }
        }

        UnclosedAtEnd = _open.Count;
        LastUnclosed = _open.Count == 1 ? _open.TopName() : null;
        builder.EndOfInput();
    }

    /// <summary>
    /// Where the next '&lt;' is. Between tags there is mostly a little indentation, so that is skipped byte by byte
    /// before the (vectorised, but costly to start) search.
    /// </summary>
    private static int NextTag(ReadOnlySpan<byte> text)
    {
        var position = 0;
        while (position < text.Length && text[position] is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t')
        {
            position++;
        }

        if (position < text.Length && text[position] == (byte)'<')
        {
            return position;
        }

        var found = text[position..].IndexOf((byte)'<');
        return found < 0 ? -1 : position + found;
    }

    private void SkipByteOrderMark()
    {
        if (_buffer.AsSpan(_position, _end - _position).StartsWith(ByteOrderMarks.Utf8))
        {
            _position += ByteOrderMarks.Utf8.Length;
        }
    }

    /// <summary>Text can be handed on up to the end of the buffer, except a character reference cut in two.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int SafeTextLength(ReadOnlySpan<byte> text)
    {
        var ampersand = text.LastIndexOf((byte)'&');
        return ampersand >= 0 && text.Length - ampersand < 16 && text[ampersand..].IndexOf((byte)';') < 0 ? ampersand : text.Length;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Characters(ReadOnlySpan<byte> text)
    {
        if (text.IsEmpty)
        {
            return;
        }

        if (!builder.WantsText)
        {
            if (_open.Count == 0 && text.IndexOfAnyExcept(" \t\r\n"u8) >= 0)
            {
                Problem("text outside the root element");
            }

            return;
        }

        if (text.IndexOf((byte)'&') < 0)
        {
            builder.Text(text);
            return;
        }

        _resolved.ResetWrittenCount();
        CharacterReferences.Resolve(text, _resolved, Problem);
        builder.Text(_resolved.WrittenSpan);
    }

    /// <summary>Reads the markup at the current '&lt;'; false when the buffer does not hold all of it yet.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TryMarkup()
    {
        var markup = _buffer.AsSpan(_position, _end - _position);
        if (markup.Length < 2)
        {
            return false;
        }

        switch (markup[1])
        {
            case (byte)'/':
                return TryEndTag(markup);
            case (byte)'?':
                _position += 2;
                SkipPast("?>"u8);
                return true;
            case (byte)'!':
                return TryDeclaration(markup);
            case var first when XmlNames.IsNameStart(first):
                return TryStartTag(markup);
            default:
                NotATag();
                return true;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TryStartTag(ReadOnlySpan<byte> markup)
    {
        var nameLength = XmlNames.NameLength(markup[1..]);
        if (1 + nameLength == markup.Length)
        {
            return false;
        }

        var afterName = markup[1 + nameLength];
        if (afterName is not ((byte)'>' or (byte)'/' or (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
        {
            // "<bad-xml@host>" is not a tag: it is text.
            NotATag();
            return true;
        }

        // <name> without attributes is the usual tag: its end is known without a search.
        var close = afterName == (byte)'>' ? 1 + nameLength : XmlNames.TagEnd(markup, 1 + nameLength);
        if (close < 0)
        {
            return false;
        }

        var name = markup.Slice(1, nameLength);
        if (afterName == (byte)'>' && name.SequenceEqual("record"u8) && builder.AtRecordLevel)
        {
            var taken = _records.TryRead(markup[(close + 1)..], builder);
            if (taken >= 0)
            {
                _position += close + 1 + taken;
                return true;
            }
        }

        var attributes = markup[(1 + nameLength)..close];
        var selfClosing = attributes.Length > 0 && attributes[^1] == (byte)'/';
        if (_open.Count == 0)
        {
            if (builder.RootSeen)
            {
                Problem("a second element after the end of the root element");
            }
            else
            {
                builder.RootNamespace = XmlNames.NamespaceOf(name, attributes);
            }
        }

        builder.Start(XmlNames.LocalName(name));
        if (selfClosing)
        {
            builder.End();
        }
        else if (!(builder.WantsText && TryWholeValue(markup, close + 1, name)))
        {
            _open.Push(name);
        }

        _position += close + 1;
        return true;
    }

    /// <summary>
    /// The usual value element, <c>&lt;name&gt;text&lt;/name&gt;</c> with plain text, read in one step: its text is
    /// handed on straight from the buffer and its end tag consumed. Anything else (references, CDATA, a child, a
    /// value cut by the end of the buffer) is left to the general path.
    /// </summary>
    private bool TryWholeValue(ReadOnlySpan<byte> markup, int textStart, ReadOnlySpan<byte> name)
    {
        var text = markup[textStart..];
        var length = text.IndexOfAny((byte)'<', (byte)'&');
        if (length < 0 || text[length] != (byte)'<')
        {
            return false;
        }

        var endTag = text[length..];
        if (endTag.Length < name.Length + 3 || endTag[1] != (byte)'/' || !endTag.Slice(2, name.Length).SequenceEqual(name)
            || endTag[2 + name.Length] != (byte)'>')
        {
            return false;
        }

        builder.EndValue(text[..length]);
        _position += length + name.Length + 3;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TryEndTag(ReadOnlySpan<byte> markup)
    {
        var nameEnd = 2 + XmlNames.NameLength(markup[2..]);
        var close = nameEnd < markup.Length && markup[nameEnd] == (byte)'>' ? nameEnd : markup.IndexOf((byte)'>');
        if (close < 0)
        {
            return false;
        }

        var name = markup[2..close];
        if (name.Length > 0 && name[^1] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            name = name.TrimEnd(" \t\r\n"u8);
        }

        var match = _open.Find(name);
        if (match < 0)
        {
            Problem($"the end tag </{XmlNames.Show(name)}> closes no open element");
        }
        else
        {
            if (match != _open.Count - 1)
            {
                Problem($"the end tag </{XmlNames.Show(name)}> closes <{_open.TopName()}>, which is still open");
            }

            while (_open.Count > match)
            {
                _open.Pop();
                builder.End();
            }
        }

        _position += close + 1;
        return true;
    }

    private bool TryDeclaration(ReadOnlySpan<byte> markup)
    {
        if (markup.Length < 9 && !_inputEnded)
        {
            return false;
        }

        if (markup.StartsWith("<!--"u8))
        {
            _position += 4;
            SkipPast("-->"u8);
        }
        else if (markup.StartsWith("<![CDATA["u8))
        {
            _position += 9;
            CharacterDataPast();
        }
        else if (markup.Length >= 9 && Ascii.EqualsIgnoreCase(markup[2..9], "DOCTYPE"u8))
        {
            throw new ReportLimitExceededException("the report declares a DTD (<!DOCTYPE>); DTDs and entities are refused for safety");
        }
        else
        {
            Problem("an unknown <! declaration");
            _position += 2;
            SkipPast(">"u8);
        }

        return true;
    }

    private void NotATag()
    {
        Problem("a '<' that starts no tag");
        Characters("<"u8);
        _position += 1;
    }

    /// <summary>Skips to just after <paramref name="terminator"/> (or to the end), keeping nothing in memory.</summary>
    private void SkipPast(ReadOnlySpan<byte> terminator)
    {
        while (true)
        {
            var available = _buffer.AsSpan(_position, _end - _position);
            var found = available.IndexOf(terminator);
            if (found >= 0)
            {
                _position += found + terminator.Length;
                return;
            }

            _position = Math.Max(_position, _end - terminator.Length + 1);
            if (!Fill())
            {
                _position = _end;
                return;
            }
        }
    }

    /// <summary>The text of a CDATA section, taken as it is (no references), up to <c>]]&gt;</c>.</summary>
    private void CharacterDataPast()
    {
        while (true)
        {
            var available = _buffer.AsSpan(_position, _end - _position);
            var found = available.IndexOf("]]>"u8);
            if (found >= 0)
            {
                TextAsIs(available[..found]);
                _position += found + 3;
                return;
            }

            var safe = Math.Max(0, available.Length - 2);
            TextAsIs(available[..safe]);
            _position += safe;
            if (!Fill())
            {
                TextAsIs(_buffer.AsSpan(_position, _end - _position));
                _position = _end;
                return;
            }
        }
    }

    private void TextAsIs(ReadOnlySpan<byte> text)
    {
        if (builder.WantsText)
        {
            builder.Text(text);
        }
    }

    private void Problem(string problem)
    {
        if (FirstProblem is not null)
        {
            return;
        }

        var line = _linesBefore + _buffer.AsSpan(0, _position).Count((byte)'\n') + 1;
        FirstProblem = string.Create(CultureInfo.InvariantCulture, $"line {line}: {problem}");
    }

    /// <summary>Moves unread bytes to the front and reads more; false when the input has ended.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool Fill()
    {
        if (_inputEnded)
        {
            return false;
        }

        if (_position > 0)
        {
            _linesBefore += _buffer.AsSpan(0, _position).Count((byte)'\n');
            _buffer.AsSpan(_position, _end - _position).CopyTo(_buffer);
            _end -= _position;
            _position = 0;
        }

        if (_end == _buffer.Length)
        {
            Grow();
        }

        var read = input.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
        {
            _inputEnded = true;
            return false;
        }

        _end += read;
        return true;
    }

    /// <summary>A single tag larger than the buffer: allowed up to the value limit, as tags carry values.</summary>
    private void Grow()
    {
        if (_buffer.Length >= limits.MaxXmlValueLength + BufferSize)
        {
            throw new ReportLimitExceededException($"an XML tag is longer than {limits.MaxXmlValueLength} bytes (limit MaxXmlValueLength)");
        }

        var larger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
        _buffer.AsSpan(0, _end).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = larger;
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }
}
