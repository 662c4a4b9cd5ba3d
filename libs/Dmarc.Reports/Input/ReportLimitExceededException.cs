namespace Dmarc.Reports.Input;

/// <summary>
/// Thrown inside the core when input breaks a <see cref="ReportLimits"/> bound, and always caught there: it becomes
/// an <see cref="Outcomes.InvalidReport"/> whose reason is <see cref="Exception.Message"/>. It never leaves the core.
/// </summary>
internal sealed class ReportLimitExceededException(string message) : Exception(message);
