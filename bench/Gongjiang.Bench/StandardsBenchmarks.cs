using System.Globalization;
using BenchmarkDotNet.Attributes;
using Gongjiang.Core.Audit;
using Gongjiang.Core.Reference;
using Gongjiang.Core.Standards;

namespace Gongjiang.Bench;

/// <summary>
/// The checks every imported row passes through (issue 3 imports a million rows): ID number, credit code, mobile,
/// and the audit chain's hash. Synthetic inputs from a fixed seed.
/// </summary>
[MemoryDiagnoser]
public class StandardsBenchmarks
{
    private static readonly DateOnly Today = new(2026, 11, 24);
    private string[] _ids = [];
    private string[] _codes = [];
    private AuditRecord _record = default!;
    private readonly byte[] _key = new byte[32];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20181);
        var counties = RegionCatalog.Default.All.Where(r => r.Level == RegionLevel.County).Select(r => r.Code).ToArray();
        _ids = Enumerable.Range(0, 1024).Select(_ =>
        {
            var birth = new DateOnly(1960, 1, 1).AddDays(random.Next(0, 365 * 40));
            var body = counties[random.Next(counties.Length)] + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + random.Next(0, 1000).ToString("000", CultureInfo.InvariantCulture);
            return body + CitizenIdNumber.ComputeCheckCharacter(body);
        }).ToArray();
        _codes = Enumerable.Range(0, 1024).Select(i =>
        {
            var org = random.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture);
            var first17 = "91" + counties[random.Next(counties.Length)] + org + UnifiedSocialCreditCode.ComputeOrganizationCodeCheck(org);
            return first17 + UnifiedSocialCreditCode.ComputeCheckCharacter(first17);
        }).ToArray();
        _record = new AuditRecord(42, new DateTimeOffset(2026, 11, 24, 1, 0, 0, TimeSpan.Zero), 480, "user-id", "clerk", "Clerk", "440300",
            "update", "Person", Guid.Empty.ToString(), "{\"Mobile\":\"13800138000\"}", "{\"Mobile\":\"13911112222\"}", "succeeded", null, "127.0.0.1", AuditChain.GenesisHash);
    }

    [Benchmark(OperationsPerInvoke = 1024)]
    public int ParseCitizenIdNumber()
    {
        var valid = 0;
        foreach (var id in _ids)
        {
            valid += CitizenIdNumber.Parse(id, Today, RegionCatalog.Default).IsValid ? 1 : 0;
        }

        return valid;
    }

    [Benchmark(OperationsPerInvoke = 1024)]
    public int ParseCreditCode()
    {
        var valid = 0;
        foreach (var code in _codes)
        {
            valid += UnifiedSocialCreditCode.Parse(code).IsValid ? 1 : 0;
        }

        return valid;
    }

    [Benchmark]
    public string AuditChainHash() => AuditChain.ComputeHash(_record, _key);
}
