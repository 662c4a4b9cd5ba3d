using System.Globalization;
using System.Text;
using Dmarc.Reports.Input;

namespace Dmarc.Reports.Aggregate;

/// <summary>
/// A forgiving reader for aggregate reports that are not well-formed XML (unescaped <c>&lt;</c> or <c>&amp;</c>,
/// truncated documents, mismatched tags). It drives the same builder as the strict pass and keeps all it can:
/// text that is not a tag stays text, an end tag closes up to its matching start tag, and the end of input closes
/// everything still open. DTDs are refused, never processed, so no entity is ever expanded.
/// </summary>
internal sealed class LenientXmlScanner(TextReader text, AggregateReportBuilder builder, ReportVocabulary vocabulary, ReportLimits limits)
{
    private readonly StringBuilder _text = new();
    private readonly List<string> _open = [];
    private int _peeked = -1;

    public int UnclosedAtEnd { get; private set; }

    public void Scan()
    {
        int c;
        while ((c = Next()) >= 0)
        {
            if (c == '<')
            {
                Markup();
            }
            else if (c == '&')
            {
                Entity();
            }
            else
            {
                Append((char)c);
            }
        }

        FlushText();
        UnclosedAtEnd = _open.Count;
        builder.EndOfInput();
        _open.Clear();
    }

    private void Markup()
    {
        var c = Peek();
        switch (c)
        {
            case '?':
                SkipPast("?>");
                break;
            case '!':
                Declaration();
                break;
            case '/':
                Next();
                EndTag(ReadName());
                SkipPast(">");
                break;
            case >= 0 when IsNameStart((char)c):
                StartTag();
                break;
            default:
                Append('<');
                break;
        }
    }

    private void Declaration()
    {
        Next();
        var lookahead = new StringBuilder();
        while (lookahead.Length < 7 && Peek() >= 0 && Peek() != '>')
        {
            lookahead.Append((char)Next());
            if (lookahead.ToString() == "--")
            {
                SkipPast("-->");
                return;
            }

            if (lookahead.ToString() == "[CDATA[")
            {
                Cdata();
                return;
            }
        }

        if (lookahead.ToString().StartsWith("DOCTYPE", StringComparison.OrdinalIgnoreCase))
        {
            throw new ReportLimitExceededException("the report declares a DTD (<!DOCTYPE>); DTDs and entities are refused for safety");
        }

        SkipPast(">");
    }

    private void Cdata()
    {
        int c;
        var brackets = 0;
        while ((c = Next()) >= 0)
        {
            if (c == '>' && brackets >= 2)
            {
                _text.Length -= 2;
                return;
            }

            brackets = c == ']' ? brackets + 1 : 0;
            Append((char)c);
        }
    }

    private void StartTag()
    {
        var name = ReadName();
        var after = Peek();
        if (after >= 0 && !char.IsWhiteSpace((char)after) && after is not ('>' or '/'))
        {
            // "<bad-xml@host>": not a tag, so it is text.
            Append('<');
            foreach (var ch in name)
            {
                Append(ch);
            }

            return;
        }

        FlushText();
        var attributes = ReadUntilTagEnd(out var selfClosing);
        var atom = Atom(name);
        if (_open.Count == 0 && !builder.RootSeen)
        {
            builder.RootNamespace = DefaultNamespace(attributes);
        }

        builder.Start(atom);
        if (selfClosing)
        {
            builder.End();
        }
        else
        {
            _open.Add(atom);
        }
    }

    private void EndTag(string name)
    {
        FlushText();
        var atom = Atom(name);
        var match = _open.LastIndexOf(atom);
        if (match < 0)
        {
            return;
        }

        for (var i = _open.Count - 1; i >= match; i--)
        {
            builder.End();
        }

        _open.RemoveRange(match, _open.Count - match);
    }

    private string Atom(string qualifiedName)
    {
        var colon = qualifiedName.IndexOf(':');
        var local = colon < 0 ? qualifiedName : qualifiedName[(colon + 1)..];
        return vocabulary.Names.Get(local) ?? local;
    }

    private static string? DefaultNamespace(string attributes)
    {
        var at = attributes.IndexOf("xmlns=", StringComparison.Ordinal);
        if (at < 0 || at + 7 > attributes.Length)
        {
            return null;
        }

        var quote = attributes[at + 6];
        var end = attributes.IndexOf(quote, at + 7);
        return end < 0 ? null : attributes[(at + 7)..end];
    }

    private string ReadUntilTagEnd(out bool selfClosing)
    {
        var attributes = new StringBuilder();
        char quote = '\0';
        int c;
        while ((c = Next()) >= 0)
        {
            if (quote != '\0')
            {
                quote = c == quote ? '\0' : quote;
            }
            else if (c is '"' or '\'')
            {
                quote = (char)c;
            }
            else if (c == '>')
            {
                break;
            }

            attributes.Append((char)c);
            if (attributes.Length > limits.MaxXmlValueLength)
            {
                throw new ReportLimitExceededException($"an XML tag is longer than {limits.MaxXmlValueLength} characters (limit MaxXmlValueLength)");
            }
        }

        selfClosing = attributes.Length > 0 && attributes[^1] == '/';
        return attributes.ToString();
    }

    private string ReadName()
    {
        var name = new StringBuilder();
        while (Peek() is >= 0 and var c && IsNameChar((char)c) && name.Length < 256)
        {
            name.Append((char)Next());
        }

        return name.ToString();
    }

    private void Entity()
    {
        var reference = new StringBuilder();
        while (Peek() is >= 0 and var c && c != ';' && c != '<' && c != '&' && !char.IsWhiteSpace((char)c) && reference.Length < 10)
        {
            reference.Append((char)Next());
        }

        if (Peek() == ';' && Resolve(reference.ToString()) is { } resolved)
        {
            Next();
            _text.Append(resolved);
            return;
        }

        // A bare '&' or an unknown entity stays as written.
        Append('&');
        _text.Append(reference);
    }

    private static string? Resolve(string name) => name switch
    {
        "lt" => "<",
        "gt" => ">",
        "amp" => "&",
        "quot" => "\"",
        "apos" => "'",
        ['#', 'x' or 'X', .. var hex] when int.TryParse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code) => CodePoint(code),
        ['#', .. var dec] when int.TryParse(dec, NumberStyles.None, CultureInfo.InvariantCulture, out var code) => CodePoint(code),
        _ => null,
    };

    private static string? CodePoint(int code) => code is > 0 and <= 0x10FFFF and not (>= 0xD800 and <= 0xDFFF) ? char.ConvertFromUtf32(code) : null;

    private void Append(char c)
    {
        _text.Append(c);
        if (_text.Length > limits.MaxXmlValueLength)
        {
            throw new ReportLimitExceededException($"an XML value is longer than {limits.MaxXmlValueLength} characters (limit MaxXmlValueLength)");
        }
    }

    private void FlushText()
    {
        if (_text.Length == 0)
        {
            return;
        }

        var value = _text.ToString();
        _text.Clear();
        if (!string.IsNullOrWhiteSpace(value))
        {
            builder.Text(value);
        }
    }

    private void SkipPast(string terminator)
    {
        var matched = 0;
        int c;
        while (matched < terminator.Length && (c = Next()) >= 0)
        {
            matched = c == terminator[matched] ? matched + 1 : c == terminator[0] ? 1 : 0;
        }
    }

    private int Peek()
    {
        if (_peeked < 0)
        {
            _peeked = text.Read();
        }

        return _peeked;
    }

    private int Next()
    {
        if (_peeked >= 0)
        {
            var c = _peeked;
            _peeked = -1;
            return c;
        }

        return text.Read();
    }

    private static bool IsNameStart(char c) => char.IsLetter(c) || c is '_' or ':';

    private static bool IsNameChar(char c) => char.IsLetterOrDigit(c) || c is '_' or ':' or '-' or '.';
}
