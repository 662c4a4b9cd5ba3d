using System.CommandLine;
using Dmarc.Cli.Inputs;
using Dmarc.Enrichment;
using Dmarc.Reports.Diagnosis;

namespace Dmarc.Cli.Analyze;

/// <summary>What <c>dmarc analyze</c> was asked to do, once its command line is read.</summary>
public sealed record AnalyzeSettings(
    IReadOnlyList<string> Paths,
    string Format,
    int Top,
    AnalysisOptions Analysis,
    EnrichmentOptions Enrichment,
    string? PublicSuffixListPath,
    string? Problem = null);

/// <summary>The options of <c>dmarc analyze</c> and how they become <see cref="AnalyzeSettings"/>.</summary>
internal sealed class AnalyzeCommandOptions
{
    private readonly Option<string> _format = new("--format", "-f")
    {
        Description = "text: tables (default); json: the analysis JSON of docs/analysis-format.md.",
        DefaultValueFactory = _ => AnalyzeCommand.Text,
    };

    private readonly Option<int> _top = new("--top")
    {
        Description = "Rows shown per table (sources, domains, reporters, Header-From).",
        DefaultValueFactory = _ => 20,
    };

    private readonly Option<bool> _offline = new("--offline")
    {
        Description = "No network lookups at all (reverse DNS, DMARC records for the tree walk); local databases are still used.",
    };

    private readonly Option<string> _timeZone = new("--time-zone")
    {
        Description = "Time zone of the daily statistics (IANA id, e.g. Asia/Tokyo).",
        DefaultValueFactory = _ => "UTC",
    };

    private readonly Option<string[]> _domainKinds = new("--domain-kind")
    {
        Description = "DOMAIN=mailbox|transactional: what a policy domain is used for, for the policy recommendation (repeatable).",
        AllowMultipleArgumentsPerToken = false,
    };

    private readonly Option<string?> _inventory = new("--inventory") { Description = "The operator's senders: outbound IP ranges, authorised SPF includes and DKIM domains (docs/configuration.md)." };
    private readonly Option<string?> _knownSenders = new("--known-senders") { Description = "More known sending services, merged over the built-in map (docs/configuration.md)." };
    private readonly Option<string?> _countryDb = new("--country-db") { Description = "A MaxMind-format (MMDB) country database." };
    private readonly Option<string?> _asnDb = new("--asn-db") { Description = "A MaxMind-format (MMDB) ASN database." };
    private readonly Option<string[]> _nameServers = new("--name-server") { Description = "DNS server for reverse DNS and DMARC record lookups, ADDRESS[:PORT] (repeatable; default: the system's)." };
    private readonly Option<string?> _psl = new("--psl") { Description = "A newer Public Suffix List file to use instead of the built-in one." };
    private readonly Argument<string[]> _paths = InputArguments.Paths();

    public AnalyzeCommandOptions() => _format.AcceptOnlyFromAmong(AnalyzeCommand.Text, AnalyzeCommand.Json);

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { _format, _top, _offline, _timeZone, _domainKinds, _inventory, _knownSenders, _countryDb, _asnDb, _nameServers, _psl })
        {
            command.Options.Add(option);
        }

        command.Arguments.Add(_paths);
    }

    public AnalyzeSettings Read(ParseResult parsed)
    {
        var problems = new List<string>();
        var timeZone = TimeZone(parsed.GetValue(_timeZone)!, problems);
        var kinds = DomainKinds(parsed.GetValue(_domainKinds) ?? [], problems);
        return new AnalyzeSettings(
            parsed.GetValue(_paths)!,
            parsed.GetValue(_format)!,
            parsed.GetValue(_top),
            new AnalysisOptions { TimeZone = timeZone, DomainKinds = kinds },
            new EnrichmentOptions
            {
                Offline = parsed.GetValue(_offline),
                NameServers = parsed.GetValue(_nameServers) ?? [],
                InventoryPath = parsed.GetValue(_inventory),
                KnownSendersPath = parsed.GetValue(_knownSenders),
                CountryDatabasePath = parsed.GetValue(_countryDb),
                AsnDatabasePath = parsed.GetValue(_asnDb),
            },
            parsed.GetValue(_psl),
            problems.Count == 0 ? null : string.Join("; ", problems));
    }

    private static TimeZoneInfo TimeZone(string id, List<string> problems)
    {
        if (TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone))
        {
            return zone;
        }

        problems.Add($"unknown time zone '{id}' (use an IANA id such as Asia/Tokyo or UTC)");
        return TimeZoneInfo.Utc;
    }

    private static Dictionary<string, DomainKind> DomainKinds(string[] values, List<string> problems)
    {
        var kinds = new Dictionary<string, DomainKind>(StringComparer.OrdinalIgnoreCase);
        foreach (var value in values)
        {
            var parts = value.Split('=', 2, StringSplitOptions.TrimEntries);
            if (parts.Length == 2 && parts[0].Length > 0 && parts[1].ToLowerInvariant() is "mailbox" or "transactional")
            {
                kinds[parts[0].TrimEnd('.')] = parts[1].Equals("mailbox", StringComparison.OrdinalIgnoreCase) ? DomainKind.Mailbox : DomainKind.Transactional;
            }
            else
            {
                problems.Add($"--domain-kind '{value}' is not DOMAIN=mailbox or DOMAIN=transactional");
            }
        }

        return kinds;
    }
}
