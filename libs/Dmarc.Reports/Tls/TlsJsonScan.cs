using System.Globalization;
using System.Text.Json;
using System.Text.Unicode;
using Dmarc.Reports.Input;

namespace Dmarc.Reports.Tls;

/// <summary>What one pass over a JSON document found: the kind of its root, which TLS report names it has at the top, or its first problem.</summary>
internal sealed record TlsJsonShape(JsonTokenType Root, int TopLevelNames, string? Problem);

/// <summary>
/// One pass over a JSON document before anything is built from it. It must be well-formed (comments and trailing
/// commas are harmless and allowed), valid UTF-8, nest no deeper than <see cref="ReportLimits.MaxTlsJsonDepth"/> and
/// hold no text longer than <see cref="ReportLimits.MaxTlsValueLength"/>. A problem is said with its JSON path and
/// line; a limit breach throws <see cref="ReportLimitExceededException"/>.
/// </summary>
internal static class TlsJsonScan
{
    /// <summary>The top-level names of an RFC 8460 report that hardly any other JSON uses.</summary>
    private static readonly byte[][] _reportNames =
        ["organization-name"u8.ToArray(), "date-range"u8.ToArray(), "report-id"u8.ToArray(), "policies"u8.ToArray()];

    /// <summary>Quoted names that show a broken document was meant as a TLS report.</summary>
    private static readonly byte[][] _quotedNames =
    [
        "\"organization-name\""u8.ToArray(), "\"date-range\""u8.ToArray(), "\"report-id\""u8.ToArray(),
        "\"policy-domain\""u8.ToArray(), "\"policies\""u8.ToArray(),
    ];

    public static JsonReaderOptions ReaderOptions(ReportLimits limits) => new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        // One above our own limit, so that the breach is ours to report, with its path.
        MaxDepth = limits.MaxTlsJsonDepth + 1,
    };

    public static JsonDocumentOptions DocumentOptions(ReportLimits limits) => new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        MaxDepth = limits.MaxTlsJsonDepth + 1,
    };

    /// <summary>How many of the report's top-level names a scan must find for the JSON to count as a TLS report.</summary>
    public const int NamesOfAReport = 2;

    public static TlsJsonShape Scan(ReadOnlySpan<byte> json, ReportLimits limits)
    {
        var path = new JsonPath();
        var reader = new Utf8JsonReader(json, ReaderOptions(limits));
        var root = JsonTokenType.None;
        var found = 0;
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        path.BeginValue();
                        if (reader.CurrentDepth >= limits.MaxTlsJsonDepth)
                        {
                            throw new ReportLimitExceededException(
                                $"the JSON nests more than {limits.MaxTlsJsonDepth} levels deep at {path.Describe(json)} (limit MaxTlsJsonDepth)");
                        }

                        root = root == JsonTokenType.None ? reader.TokenType : root;
                        path.Open(reader.TokenType == JsonTokenType.StartArray);
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        path.Close();
                        break;
                    case JsonTokenType.PropertyName:
                        path.Name((int)reader.TokenStartIndex + 1, reader.ValueSpan.Length);
                        if (CheckText(ref reader, json, path, limits) is { } badName)
                        {
                            return new TlsJsonShape(root, int.PopCount(found), badName);
                        }

                        if (reader.CurrentDepth == 1 && root == JsonTokenType.StartObject)
                        {
                            found |= ReportNameBit(ref reader);
                        }

                        break;
                    case JsonTokenType.String:
                        path.BeginValue();
                        if (CheckText(ref reader, json, path, limits) is { } badText)
                        {
                            return new TlsJsonShape(root, int.PopCount(found), badText);
                        }

                        break;
                    default:
                        path.BeginValue();
                        root = root == JsonTokenType.None ? reader.TokenType : root;
                        break;
                }
            }
        }
        catch (JsonException broken)
        {
            return new TlsJsonShape(root, int.PopCount(found), NotWellFormed(json, broken, path.Describe(json)));
        }

        return new TlsJsonShape(root, int.PopCount(found), null);
    }

    /// <summary>True when a document that could not be read names any of the fields only TLS reports have.</summary>
    public static bool MentionsReportNames(ReadOnlySpan<byte> json)
    {
        foreach (var name in _quotedNames)
        {
            if (json.IndexOf(name) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private static int ReportNameBit(ref Utf8JsonReader reader)
    {
        for (var i = 0; i < _reportNames.Length; i++)
        {
            if (reader.ValueTextEquals(_reportNames[i]))
            {
                return 1 << i;
            }
        }

        return 0;
    }

    private static string? CheckText(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, JsonPath path, ReportLimits limits)
    {
        if (reader.ValueSpan.Length > limits.MaxTlsValueLength)
        {
            throw new ReportLimitExceededException(
                $"a JSON text at {path.Describe(json)} is longer than {Bytes.Describe(limits.MaxTlsValueLength)} (limit MaxTlsValueLength)");
        }

        if (!reader.ValueIsEscaped)
        {
            return Utf8.IsValid(reader.ValueSpan) ? null : $"the JSON is not valid UTF-8 at {path.Describe(json)}";
        }

        try
        {
            _ = reader.GetString();
            return null;
        }
        catch (InvalidOperationException notText)
        {
            return $"the JSON text at {path.Describe(json)} cannot be read ({notText.Message})";
        }
    }

    private static string NotWellFormed(ReadOnlySpan<byte> json, JsonException broken, string path)
    {
        var what = broken.Message;
        var cut = what.IndexOf(" LineNumber:", StringComparison.Ordinal);
        what = (cut > 0 ? what[..cut] : what).TrimEnd();
        var line = (broken.LineNumber ?? 0) + 1;
        var column = (broken.BytePositionInLine ?? 0) + 1;
        // The reader fails inside the token after the last one it returned: the path is where it was, not past it.
        var where = string.Create(CultureInfo.InvariantCulture, $"near {path} (line {line}, byte {column})");
        return EndsAt(json, broken)
            ? $"the JSON ends early, {where}: truncated? ({what})"
            : $"the JSON is not well-formed {where}: {what}";
    }

    /// <summary>True when the reader failed at the end of the document: it stops in the middle of a value.</summary>
    private static bool EndsAt(ReadOnlySpan<byte> json, JsonException broken)
    {
        var offset = 0L;
        for (var line = 0L; line < (broken.LineNumber ?? 0); line++)
        {
            var next = json[(int)Math.Min(offset, json.Length)..].IndexOf((byte)'\n');
            if (next < 0)
            {
                return true;
            }

            offset += next + 1;
        }

        offset += broken.BytePositionInLine ?? 0;
        return offset >= json.TrimEnd(" \t\r\n"u8).Length;
    }
}
