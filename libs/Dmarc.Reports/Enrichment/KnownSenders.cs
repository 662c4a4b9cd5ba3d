namespace Dmarc.Reports.Enrichment;

/// <summary>A sending service of the known-senders map: its reverse-DNS domains and autonomous systems.</summary>
public sealed record KnownSenderDefinition(string Name, SenderType Type, IReadOnlyList<string> Domains, IReadOnlyList<long> Asns)
{
    /// <summary>What an operator should know about the service (e.g. that Google Groups sends from Google's servers).</summary>
    public string? Note { get; init; }
}

/// <summary>
/// Known sending services (mailbox providers, ESPs, forwarders, gateways, hosting), recognised by the domain of a
/// forward-confirmed PTR name, or else by the autonomous system of the IP. The built-in map ships with the core; a
/// configuration file of the same shape is merged over it (<see cref="MergedWith"/>).
/// </summary>
public sealed class KnownSenders
{
    private const string BuiltInResource = "Dmarc.Reports.Enrichment.KnownSenders.json";

    private readonly Dictionary<string, KnownSenderDefinition> _byDomain = new(StringComparer.Ordinal);
    private readonly Dictionary<long, KnownSenderDefinition> _byAsn = [];

    private KnownSenders(IReadOnlyList<KnownSenderDefinition> definitions)
    {
        Definitions = definitions;
        foreach (var definition in definitions)
        {
            foreach (var domain in definition.Domains)
            {
                _byDomain[domain] = definition;
            }

            foreach (var asn in definition.Asns)
            {
                _byAsn[asn] = definition;
            }
        }
    }

    /// <summary>The map that ships with Dmarc.</summary>
    public static KnownSenders BuiltIn { get; } = LoadBuiltIn();

    /// <summary>A map that knows nobody.</summary>
    public static KnownSenders None { get; } = new([]);

    /// <summary>Every service of the map, in file order (later entries win a domain or ASN listed twice).</summary>
    public IReadOnlyList<KnownSenderDefinition> Definitions { get; }

    /// <summary>Reads a known-senders file (see docs/configuration.md); <see cref="InvalidDataException"/> says what is wrong with it.</summary>
    public static KnownSenders Load(Stream json, string fileName = "known senders")
    {
        var file = EnrichmentJson.Read<KnownSendersFile>(json, fileName);
        var definitions = (file.Senders ?? []).Select((entry, index) => entry.ToDefinition(fileName, index)).ToList();
        return new KnownSenders(definitions);
    }

    /// <summary>
    /// This map with <paramref name="overrides"/> over it: a service of the same name replaces the one here whole,
    /// new services are added, and a domain or ASN listed in both belongs to the override's service.
    /// </summary>
    public KnownSenders MergedWith(KnownSenders overrides)
    {
        var replaced = overrides.Definitions.Select(definition => definition.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return new KnownSenders([.. Definitions.Where(definition => !replaced.Contains(definition.Name)), .. overrides.Definitions]);
    }

    /// <summary>
    /// The service a source belongs to: by its forward-confirmed PTR name (the name itself, then each parent domain
    /// down to its organisational domain), else by its autonomous system. Null when neither is known.
    /// </summary>
    public KnownSender? Match(string? confirmedName, string? baseDomain, long? asn)
    {
        if (confirmedName is not null)
        {
            foreach (var domain in SelfAndParents(confirmedName, baseDomain))
            {
                if (_byDomain.TryGetValue(domain, out var byName))
                {
                    return new KnownSender(byName.Name, byName.Type, $"reverse DNS {confirmedName} (forward-confirmed) is under {domain}");
                }
            }
        }

        return asn is { } number && _byAsn.TryGetValue(number, out var byAsn)
            ? new KnownSender(byAsn.Name, byAsn.Type, $"the IP is in AS{number}, a network of {byAsn.Name}")
            : null;
    }

    private static IEnumerable<string> SelfAndParents(string name, string? baseDomain)
    {
        var domain = name.TrimEnd('.').ToLowerInvariant();
        var lowest = baseDomain?.TrimEnd('.').ToLowerInvariant();
        while (domain.Contains('.', StringComparison.Ordinal))
        {
            yield return domain;
            if (domain == lowest)
            {
                yield break;
            }

            domain = domain[(domain.IndexOf('.', StringComparison.Ordinal) + 1)..];
        }
    }

    private static KnownSenders LoadBuiltIn()
    {
        using var stream = typeof(KnownSenders).Assembly.GetManifestResourceStream(BuiltInResource)
            ?? throw new InvalidOperationException($"the built-in known senders ({BuiltInResource}) are missing from {typeof(KnownSenders).Assembly.GetName().Name}");
        return Load(stream, "built-in known senders");
    }

    private sealed class KnownSendersFile
    {
        public List<SenderEntry>? Senders { get; set; }
    }

    private sealed class SenderEntry
    {
        public string? Name { get; set; }
        public string? Type { get; set; }
        public List<string>? Domains { get; set; }
        public List<long>? Asns { get; set; }
        public string? Note { get; set; }

        public KnownSenderDefinition ToDefinition(string fileName, int index)
        {
            var where = $"{fileName}: sender {index + 1}";
            if (string.IsNullOrWhiteSpace(Name))
            {
                throw new InvalidDataException($"{where} has no name");
            }

            where += $" ({Name})";
            if (!Enum.TryParse<SenderType>(Type, ignoreCase: true, out var type) || !Enum.IsDefined(type) || int.TryParse(Type, out _))
            {
                throw new InvalidDataException($"{where}: type '{Type}' is not one of {string.Join(", ", Enum.GetNames<SenderType>())}");
            }

            var domains = new List<string>();
            foreach (var text in Domains ?? [])
            {
                var domain = EnrichmentJson.Domain(text);
                if (domain is null || !domain.Contains('.', StringComparison.Ordinal))
                {
                    throw new InvalidDataException($"{where}: '{text}' is not a domain with at least two labels");
                }

                domains.Add(domain);
            }

            foreach (var asn in Asns ?? [])
            {
                if (asn is <= 0 or > uint.MaxValue)
                {
                    throw new InvalidDataException($"{where}: {asn} is not an AS number (1 to {uint.MaxValue})");
                }
            }

            return new KnownSenderDefinition(Name.Trim(), type, domains, Asns ?? []) { Note = Note };
        }
    }
}
