namespace Dmarc.Reports.Input;

/// <summary>
/// A container (gzip, zlib, zip) that is cut short or does not hold what it says it holds. Thrown inside the core
/// and always caught there: it becomes an <see cref="Outcomes.InvalidReport"/> whose reason is its message.
/// </summary>
internal sealed class BrokenContainerException(string message) : IOException(message);
