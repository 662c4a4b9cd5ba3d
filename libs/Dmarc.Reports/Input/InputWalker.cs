using System.IO.Compression;
using Dmarc.Reports.Aggregate;
using Dmarc.Reports.Failure;
using Dmarc.Reports.Outcomes;
using Dmarc.Reports.Tls;
using MimeKit;

namespace Dmarc.Reports.Input;

/// <summary>
/// Walks one input: decides what each run of bytes is from its content, opens containers (gzip, zip, zlib, mails,
/// mboxes) within the limits, and hands report documents to their parsers. Every content ends in at least one outcome.
/// </summary>
internal sealed class InputWalker(
    ReportLimits limits, string source, IReportSink sink, CancellationToken cancellationToken, FailureSamplePolicy? samplePolicy = null)
{
    private readonly DecompressionBudget _budget = new(limits.MaxTotalDecompressedBytes);

    /// <summary>What mail walkers keep of failure report samples.</summary>
    public FailureSamplePolicy SamplePolicy { get; } = samplePolicy ?? FailureSamplePolicy.Default;

    public void Walk(Stream input)
    {
        if (input.CanSeek && input.Position == 0)
        {
            WalkTop(input);
            return;
        }

        // The parsers read a document again when it is broken, so the input must be re-readable from its start.
        using var spool = new FileStream(Path.GetTempFileName(), FileMode.Open, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
        try
        {
            new BoundedReadStream(new NonClosingStream(input), limits.MaxInputBytes, InputTooLarge(), null).CopyTo(spool);
        }
        catch (ReportLimitExceededException tooLarge)
        {
            sink.OnOutcome(new InvalidReport(source, null, tooLarge.Message));
            return;
        }

        spool.Position = 0;
        WalkTop(spool);
    }

    private void WalkTop(Stream seekable)
    {
        if (seekable.Length > limits.MaxInputBytes)
        {
            sink.OnOutcome(new InvalidReport(source, null, InputTooLarge()));
            return;
        }

        WalkContent(new Content(() => { seekable.Position = 0; return new NonClosingStream(seekable); }, null, 0), sink);
    }

    /// <summary>Reads one content and ends it in at least one outcome on <paramref name="target"/>.</summary>
    public void WalkContent(Content content, IReportSink target)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (content.Depth > limits.MaxContainerDepth)
        {
            target.OnOutcome(Invalid(content, $"containers nest more than {limits.MaxContainerDepth} levels deep (limit MaxContainerDepth)"));
            return;
        }

        try
        {
            var kind = Sniff(content);
            switch (kind)
            {
                case ContentKind.Gzip:
                    WalkContent(content.Inner(() => Decompressed(WholeDecompression.Gzip(content.Open()), "gzip")), target);
                    break;
                case ContentKind.Zlib:
                    WalkContent(content.Inner(() => Decompressed(WholeDecompression.Zlib(content.Open()), "zlib")), target);
                    break;
                case ContentKind.Zip:
                    WalkZip(content, target);
                    break;
                case ContentKind.Mail or ContentKind.Mbox:
                    new MailWalker(this, limits, source, cancellationToken).Walk(content, kind == ContentKind.Mbox, target);
                    break;
                case ContentKind.AggregateXml:
                    new AggregateXmlParser(limits, source, content.Part, target).Parse(content.Open);
                    break;
                case ContentKind.Json:
                    new TlsReportParser(limits, source, content.Part, target).Parse(content.Open);
                    break;
                default:
                    target.OnOutcome(NotReport(content, kind));
                    break;
            }
        }
        catch (Exception broken) when (IsBrokenInput(broken))
        {
            target.OnOutcome(Invalid(content, BrokenInputReason(broken)));
        }
    }

    private static ContentKind Sniff(Content content)
    {
        using var stream = content.Open();
        var head = new byte[ContentSniffer.HeadLength];
        var length = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        return ContentSniffer.Sniff(head.AsSpan(0, length));
    }

    private void WalkZip(Content content, IReportSink target)
    {
        using var stream = content.Open();
        using var spool = stream.CanSeek ? null : Buffered(stream);
        var seekable = spool?.Open() ?? stream;
        if (ZipDirectory.CountEntries(seekable, limits.MaxArchiveEntries) > limits.MaxArchiveEntries)
        {
            target.OnOutcome(Invalid(content, $"the zip archive holds more than {limits.MaxArchiveEntries} entries (limit MaxArchiveEntries)"));
            return;
        }

        seekable.Position = 0;
        using var archive = new ZipArchive(seekable, ZipArchiveMode.Read, leaveOpen: true);
        var entries = archive.Entries.Where(entry => !entry.FullName.EndsWith('/')).ToList();
        if (entries.Count > limits.MaxArchiveEntries)
        {
            target.OnOutcome(Invalid(content, $"the zip archive holds {entries.Count} entries, more than {limits.MaxArchiveEntries} (limit MaxArchiveEntries)"));
            return;
        }

        var scope = new OutcomeScope(target);
        foreach (var entry in entries)
        {
            var name = Names.PartName(entry.FullName, "zip entry");
            WalkContent(content.Inner(() => Decompressed(new CheckedZipEntry(entry, name), "zip entry"), name), scope);
        }

        if (scope.Forwarded == 0)
        {
            var reason = entries.Count == 0 ? "the zip archive is empty" : $"the zip archive holds no report ({string.Join("; ", scope.NotReportReasons)})";
            target.OnOutcome(new NotAReport(source, content.Part, reason));
        }
    }

    /// <summary>Copies a non-seekable container (bounded) where its directory can be read: memory, or a file when large.</summary>
    private Spool Buffered(Stream stream)
    {
        var spool = new Spool();
        try
        {
            new BoundedReadStream(stream, limits.MaxInputBytes, InputTooLarge(), null).CopyTo(spool);
            return spool;
        }
        catch
        {
            spool.Dispose();
            throw;
        }
    }

    public Stream Decompressed(Stream decompressing, string container) => new BoundedReadStream(
        decompressing,
        limits.MaxReportBytes,
        $"the {container} expands to more than {Bytes.Describe(limits.MaxReportBytes)} (limit MaxReportBytes); treated as a decompression bomb",
        _budget);

    private string InputTooLarge() => $"the input is larger than {Bytes.Describe(limits.MaxInputBytes)} (limit MaxInputBytes)";

    private InvalidReport Invalid(Content content, string reason) => new(source, content.Part, reason);

    private NotAReport NotReport(Content content, ContentKind kind) => new(source, content.Part, kind switch
    {
        ContentKind.Empty => "the input is empty (0 bytes)",
        ContentKind.OtherXml => "an XML document that is not a DMARC aggregate report (its root element is not <feedback>)",
        ContentKind.Json => "a JSON document that is not an SMTP TLS report",
        _ => "the content is not XML, JSON, gzip, zip, zlib or a mail",
    });

    internal static bool IsBrokenInput(Exception exception) => exception is ReportLimitExceededException
        or InvalidDataException or EndOfStreamException or FormatException or ParseException or NotSupportedException
        or IOException;

    internal static string BrokenInputReason(Exception exception) => exception switch
    {
        ReportLimitExceededException limit => limit.Message,
        BrokenContainerException broken => broken.Message,
        InvalidDataException or EndOfStreamException => $"the compressed data is corrupt or truncated ({exception.Message})",
        ParseException or FormatException => $"the mail cannot be parsed ({exception.Message})",
        NotSupportedException => $"unsupported content ({exception.Message})",
        _ => $"the content cannot be read ({exception.Message})",
    };
}
