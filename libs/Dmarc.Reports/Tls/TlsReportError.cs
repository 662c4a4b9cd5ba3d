namespace Dmarc.Reports.Tls;

/// <summary>
/// A problem of one TLS report that was read around; <see cref="Path"/> says where in the JSON
/// (<c>$.policies[1].policy</c>), <see cref="Message"/> what was wrong, in words an operator understands.
/// </summary>
public sealed record TlsReportError(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}
