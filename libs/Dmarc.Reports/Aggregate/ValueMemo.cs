namespace Dmarc.Reports.Aggregate;

/// <summary>
/// Remembers the reading of the last value. The builder hands out the same string instance for a value that
/// repeats (see <see cref="LeafText"/>), so most records are read with one reference comparison per field.
/// </summary>
internal sealed class ValueMemo<T>(Func<string, T> read)
{
    private string? _text;
    private T _value = default!;

    public T Of(string text)
    {
        if (!ReferenceEquals(text, _text))
        {
            _value = read(text);
            _text = text;
        }

        return _value;
    }
}
