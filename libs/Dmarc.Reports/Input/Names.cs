namespace Dmarc.Reports.Input;

internal static class Names
{
    /// <summary>A name from inside an input (a file name in a mail, a zip entry) made safe to print and log.</summary>
    public static string Printable(string name)
    {
        var cleaned = new string([.. name.Where(c => !char.IsControl(c))]).Trim();
        return cleaned.Length > 200 ? cleaned[..200] : cleaned;
    }
}
