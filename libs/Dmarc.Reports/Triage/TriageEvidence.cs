namespace Dmarc.Reports.Triage;

/// <summary>One fact that decided a mail's place: which <see cref="Check"/> looked where (<see cref="Part"/>) and what it found.</summary>
public sealed record TriageEvidence(string Check, string Finding, string? Part = null);
