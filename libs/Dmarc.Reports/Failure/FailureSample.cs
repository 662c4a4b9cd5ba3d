namespace Dmarc.Reports.Failure;

/// <summary>
/// What is kept of the failing message a failure report carries. Empty when the report has no sample or
/// <see cref="FailureSamplePolicy.Keep"/> is <see cref="SampleKept.None"/>; <see cref="BodyParts"/> and
/// <see cref="Attachments"/> are only filled with <see cref="SampleKept.HeadersAndBody"/>.
/// </summary>
public sealed record FailureSample
{
    public static FailureSample Empty { get; } = new();

    /// <summary>True when the reporter sent only the headers of the message (no body), whatever is kept here.</summary>
    public bool HeadersOnly { get; init; } = true;

    /// <summary>Every header of the sample in order, unfolded and decoded (RFC 2047).</summary>
    public IReadOnlyList<SampleHeader> Headers { get; init; } = [];

    public SampleAddress? From { get; init; }

    public IReadOnlyList<SampleAddress> To { get; init; } = [];

    public IReadOnlyList<SampleAddress> Cc { get; init; } = [];

    /// <summary>The decoded Subject.</summary>
    public string? Subject { get; init; }

    /// <summary>The sample's Date in UTC, or null when missing or unreadable.</summary>
    public DateTimeOffset? Date { get; init; }

    /// <summary>The offset the Date was written in (the sender's time zone), when known.</summary>
    public TimeSpan? DateOffset { get; init; }

    /// <summary>The Message-ID header as sent.</summary>
    public string? MessageId { get; init; }

    /// <summary>The text parts of the body, decoded, within <see cref="FailureSamplePolicy.MaxBodyChars"/>.</summary>
    public IReadOnlyList<SampleBodyPart> BodyParts { get; init; } = [];

    /// <summary>The other parts of the body: only their names and types, never their content.</summary>
    public IReadOnlyList<SampleAttachment> Attachments { get; init; } = [];
}

/// <summary>One header of a sample.</summary>
public sealed record SampleHeader(string Name, string Value);

/// <summary>A mailbox of a sample header: display name, address, and the address's domain (lower case).</summary>
public sealed record SampleAddress(string? DisplayName, string Address, string Domain)
{
    /// <summary>The part of <see cref="Address"/> before the last '@' (the redaction when redacted).</summary>
    public string LocalPart => Address.LastIndexOf('@') is var at and >= 0 ? Address[..at] : Address;
}

/// <summary>A text part of a sample's body; <see cref="Truncated"/> when cut at the policy's size.</summary>
public sealed record SampleBodyPart(string MimeType, string Text, bool Truncated);

/// <summary>A non-text part of a sample's body: what it is, not what it holds.</summary>
public sealed record SampleAttachment(string MimeType, string? FileName);
