namespace Dmarc.Reports.Input;

/// <summary>
/// A run of bytes inside an input that can be read again from its start (the XML parser reads a broken document
/// twice). <see cref="Part"/> names where it sits inside the input; <see cref="Depth"/> counts the containers around it.
/// </summary>
internal sealed record Content(Func<Stream> Open, string? Part, int Depth)
{
    public Content Inner(Func<Stream> open, string? name = null) =>
        new(open, name is null ? Part : Part is null ? name : $"{Part}/{name}", Depth + 1);
}
