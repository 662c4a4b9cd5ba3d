namespace Dmarc.Reports.Aggregate;

/// <summary>How one kind of value is read from its text (a struct, so that each memo is compiled for its reading).</summary>
internal interface IValueReading<out T>
{
    static abstract T Read(string text);
}

/// <summary>
/// Remembers the reading of the last value. The builder hands out the same string instance for a value that
/// repeats (see <see cref="LeafText"/>), so most records are read with one reference comparison per field.
/// </summary>
internal sealed class ValueMemo<T, TReading>
    where TReading : struct, IValueReading<T>
{
    private string? _text;
    private T _value = default!;

    public T Of(string text)
    {
        if (!ReferenceEquals(text, _text))
        {
            _value = TReading.Read(text);
            _text = text;
        }

        return _value;
    }
}
