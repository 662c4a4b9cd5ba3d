namespace Dmarc.Reports.Aggregate;

/// <summary>The readings of record values that <see cref="RecordFields"/> remembers.</summary>
internal static class ValueReadings
{
    public readonly struct Disposition : IValueReading<Aggregate.Disposition?>
    {
        public static Aggregate.Disposition? Read(string text) => AggregateValues.Disposition(text);
    }

    public readonly struct Verdict : IValueReading<DmarcVerdict>
    {
        public static DmarcVerdict Read(string text) => AggregateValues.Verdict(text);
    }

    /// <summary>A domain in its compared form, or null when the element is empty.</summary>
    public readonly struct Domain : IValueReading<string?>
    {
        public static string? Read(string text) => Optional(text) is { } domain ? AggregateValues.Domain(domain) : null;
    }

    /// <summary>Text without surrounding whitespace, or null when there is none.</summary>
    public readonly struct Text : IValueReading<string?>
    {
        public static string? Read(string text) => Optional(text);
    }

    public readonly struct DkimResult : IValueReading<Aggregate.DkimResult?>
    {
        public static Aggregate.DkimResult? Read(string text) => AggregateValues.Dkim(text);
    }

    public readonly struct SpfResult : IValueReading<Aggregate.SpfResult?>
    {
        public static Aggregate.SpfResult? Read(string text) => AggregateValues.Spf(text);
    }

    /// <summary>The SPF scope; MAIL FROM when the report leaves it out.</summary>
    public readonly struct Scope : IValueReading<SpfScope>
    {
        public static SpfScope Read(string text) => Optional(text) is { } scope ? AggregateValues.Scope(scope) : SpfScope.MailFrom;
    }

    public static string? Optional(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var trimmed = text.AsSpan().Trim();
        return trimmed.Length == 0 ? null : trimmed.Length == text.Length ? text : trimmed.ToString();
    }
}
