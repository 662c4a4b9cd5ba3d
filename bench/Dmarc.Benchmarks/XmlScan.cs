using System.Xml;

namespace Dmarc.Benchmarks;

/// <summary>
/// The practical limit for reading a report: a bare <see cref="XmlReader"/> pass over every node, touching each text
/// value, with the same safety settings a report reader needs.
/// </summary>
public static class XmlScan
{
    private static readonly XmlReaderSettings _settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        IgnoreWhitespace = true,
        IgnoreComments = true,
        XmlResolver = null,
    };

    /// <summary>Returns the number of <c>record</c> elements and of text characters seen.</summary>
    public static (long Records, long TextChars) Scan(Stream input)
    {
        using var reader = XmlReader.Create(input, _settings);
        long records = 0;
        long textLength = 0;
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.Name == "record")
            {
                records++;
            }
            else if (reader.NodeType == XmlNodeType.Text)
            {
                textLength += reader.Value.Length;
            }
        }

        return (records, textLength);
    }
}
