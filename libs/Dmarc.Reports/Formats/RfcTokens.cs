using System.Text.Json;
using Dmarc.Reports.Aggregate;

namespace Dmarc.Reports.Formats;

/// <summary>
/// The lower-case tokens RFC 7489 / RFC 9990 use for each enumerated value, pre-encoded once so that writers
/// copy bytes instead of formatting strings (<see cref="JsonEncodedText.EncodedUtf8Bytes"/> serves CSV too).
/// </summary>
public static class RfcTokens
{
    private static readonly JsonEncodedText _relaxed = JsonEncodedText.Encode("r");
    private static readonly JsonEncodedText _strict = JsonEncodedText.Encode("s");
    private static readonly JsonEncodedText _none = JsonEncodedText.Encode("none");
    private static readonly JsonEncodedText _quarantine = JsonEncodedText.Encode("quarantine");
    private static readonly JsonEncodedText _reject = JsonEncodedText.Encode("reject");
    private static readonly JsonEncodedText _pass = JsonEncodedText.Encode("pass");
    private static readonly JsonEncodedText _fail = JsonEncodedText.Encode("fail");
    private static readonly JsonEncodedText _other = JsonEncodedText.Encode("other");
    private static readonly JsonEncodedText _forwarded = JsonEncodedText.Encode("forwarded");
    private static readonly JsonEncodedText _sampledOut = JsonEncodedText.Encode("sampled_out");
    private static readonly JsonEncodedText _trustedForwarder = JsonEncodedText.Encode("trusted_forwarder");
    private static readonly JsonEncodedText _mailingList = JsonEncodedText.Encode("mailing_list");
    private static readonly JsonEncodedText _localPolicy = JsonEncodedText.Encode("local_policy");
    private static readonly JsonEncodedText _policyTestMode = JsonEncodedText.Encode("policy_test_mode");
    private static readonly JsonEncodedText _psl = JsonEncodedText.Encode("psl");
    private static readonly JsonEncodedText _treeWalk = JsonEncodedText.Encode("treewalk");
    private static readonly JsonEncodedText _policy = JsonEncodedText.Encode("policy");
    private static readonly JsonEncodedText _neutral = JsonEncodedText.Encode("neutral");
    private static readonly JsonEncodedText _softFail = JsonEncodedText.Encode("softfail");
    private static readonly JsonEncodedText _tempError = JsonEncodedText.Encode("temperror");
    private static readonly JsonEncodedText _permError = JsonEncodedText.Encode("permerror");
    private static readonly JsonEncodedText _mailFrom = JsonEncodedText.Encode("mfrom");
    private static readonly JsonEncodedText _helo = JsonEncodedText.Encode("helo");
    private static readonly JsonEncodedText _yes = JsonEncodedText.Encode("y");
    private static readonly JsonEncodedText _no = JsonEncodedText.Encode("n");

    public static JsonEncodedText Of(AlignmentMode mode) => mode == AlignmentMode.Strict ? _strict : _relaxed;

    public static JsonEncodedText Of(DomainPolicy policy) => policy switch
    {
        DomainPolicy.Quarantine => _quarantine,
        DomainPolicy.Reject => _reject,
        _ => _none,
    };

    public static JsonEncodedText Of(Disposition disposition) => disposition switch
    {
        Disposition.Quarantine => _quarantine,
        Disposition.Reject => _reject,
        Disposition.Pass => _pass,
        _ => _none,
    };

    public static JsonEncodedText Of(DmarcVerdict verdict) => verdict == DmarcVerdict.Pass ? _pass : _fail;

    public static JsonEncodedText Of(PolicyOverride reason) => reason switch
    {
        PolicyOverride.Forwarded => _forwarded,
        PolicyOverride.SampledOut => _sampledOut,
        PolicyOverride.TrustedForwarder => _trustedForwarder,
        PolicyOverride.MailingList => _mailingList,
        PolicyOverride.LocalPolicy => _localPolicy,
        PolicyOverride.PolicyTestMode => _policyTestMode,
        _ => _other,
    };

    public static JsonEncodedText Of(DiscoveryMethod method) => method == DiscoveryMethod.TreeWalk ? _treeWalk : _psl;

    public static JsonEncodedText Of(DkimResult result) => result switch
    {
        DkimResult.Pass => _pass,
        DkimResult.Fail => _fail,
        DkimResult.Policy => _policy,
        DkimResult.Neutral => _neutral,
        DkimResult.TempError => _tempError,
        DkimResult.PermError => _permError,
        _ => _none,
    };

    public static JsonEncodedText Of(SpfResult result) => result switch
    {
        SpfResult.Pass => _pass,
        SpfResult.Fail => _fail,
        SpfResult.SoftFail => _softFail,
        SpfResult.Neutral => _neutral,
        SpfResult.TempError => _tempError,
        SpfResult.PermError => _permError,
        _ => _none,
    };

    public static JsonEncodedText Of(SpfScope scope) => scope == SpfScope.Helo ? _helo : _mailFrom;

    /// <summary>RFC 9990 <c>testing</c>: <c>y</c> when the policy is in test mode.</summary>
    public static JsonEncodedText Of(bool testing) => testing ? _yes : _no;
}
