using Dmarc.Reports.Aggregate;

namespace Dmarc.Reports.Formats;

/// <summary>The record's columns of <see cref="RecordCsvWriter"/>, from <c>source_ip</c> to <c>spf_results</c>.</summary>
internal static class RecordCsvFields
{
    public static void Write(CsvLine line, AggregateRecord record)
    {
        var evaluated = record.PolicyEvaluated;
        line.Field(record.SourceIp);
        line.Field(record.Count);
        line.Field(RfcTokens.Of(evaluated.Disposition).EncodedUtf8Bytes);
        line.Field(RfcTokens.Of(evaluated.Dkim).EncodedUtf8Bytes);
        line.Field(RfcTokens.Of(evaluated.Spf).EncodedUtf8Bytes);
        line.Field(RfcTokens.Of(evaluated.DmarcPass ? DmarcVerdict.Pass : DmarcVerdict.Fail).EncodedUtf8Bytes);

        line.StartField();
        for (var i = 0; i < evaluated.Reasons.Count; i++)
        {
            Separate(line, i);
            line.Bytes(RfcTokens.Of(evaluated.Reasons[i].Type).EncodedUtf8Bytes);
        }

        line.EndField();
        line.StartField();
        for (var i = 0; i < evaluated.Reasons.Count; i++)
        {
            Separate(line, i);
            line.Text(evaluated.Reasons[i].Comment);
        }

        line.EndField();
        line.Field(record.HeaderFrom);
        line.Field(record.EnvelopeFrom);
        line.Field(record.EnvelopeTo);
        WriteDkim(line, record.Dkim);
        WriteSpf(line, record.Spf);
    }

    private static void WriteDkim(CsvLine line, IReadOnlyList<DkimAuthResult> results)
    {
        TextList(line, results, static dkim => dkim.Domain);
        TextList(line, results, static dkim => dkim.Selector);
        TokenList(line, results, static dkim => RfcTokens.Of(dkim.Result));
    }

    private static void WriteSpf(CsvLine line, IReadOnlyList<SpfAuthResult> results)
    {
        TextList(line, results, static spf => spf.Domain);
        TokenList(line, results, static spf => RfcTokens.Of(spf.Scope));
        TokenList(line, results, static spf => RfcTokens.Of(spf.Result));
    }

    /// <summary>One field holding a value of each result, separated as the other list fields are.</summary>
    private static void TextList<T>(CsvLine line, IReadOnlyList<T> results, Func<T, string?> text)
    {
        line.StartField();
        for (var i = 0; i < results.Count; i++)
        {
            Separate(line, i);
            line.Text(text(results[i]));
        }

        line.EndField();
    }

    private static void TokenList<T>(CsvLine line, IReadOnlyList<T> results, Func<T, System.Text.Json.JsonEncodedText> token)
    {
        line.StartField();
        for (var i = 0; i < results.Count; i++)
        {
            Separate(line, i);
            line.Bytes(token(results[i]).EncodedUtf8Bytes);
        }

        line.EndField();
    }

    private static void Separate(CsvLine line, int index)
    {
        if (index > 0)
        {
            line.Bytes("|"u8);
        }
    }
}
