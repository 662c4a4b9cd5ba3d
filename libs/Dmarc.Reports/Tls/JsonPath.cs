using System.Globalization;
using System.Text;

namespace Dmarc.Reports.Tls;

/// <summary>
/// Where a streaming JSON reader is, kept as cheap frames (property names by their place in the document) and
/// written out only when a problem needs it: <c>$.policies[1].failure-details[0]</c>.
/// </summary>
internal sealed class JsonPath
{
    private readonly List<Frame> _frames = [];

    /// <summary>A value starts: inside an array it is the next element.</summary>
    public void BeginValue()
    {
        if (_frames.Count > 0 && _frames[^1].IsArray)
        {
            _frames[^1] = _frames[^1] with { Index = _frames[^1].Index + 1 };
        }
    }

    public void Open(bool isArray) => _frames.Add(new Frame(isArray, -1, -1, 0));

    public void Close()
    {
        if (_frames.Count > 0)
        {
            _frames.RemoveAt(_frames.Count - 1);
        }
    }

    /// <summary>A property name of the innermost object, by where its text sits in the document.</summary>
    public void Name(int start, int length)
    {
        if (_frames.Count > 0)
        {
            _frames[^1] = _frames[^1] with { NameStart = start, NameLength = length };
        }
    }

    public string Describe(ReadOnlySpan<byte> json)
    {
        var path = new StringBuilder("$");
        foreach (var frame in _frames)
        {
            if (frame.IsArray && frame.Index >= 0)
            {
                path.Append(CultureInfo.InvariantCulture, $"[{frame.Index}]");
            }
            else if (!frame.IsArray && frame.NameStart >= 0)
            {
                path.Append('.').Append(Encoding.UTF8.GetString(json.Slice(frame.NameStart, frame.NameLength)));
            }
        }

        return path.ToString();
    }

    private readonly record struct Frame(bool IsArray, int Index, int NameStart, int NameLength);
}
