using System.Globalization;

namespace Gongjiang.Core.Access;

/// <summary>
/// 管辖范围: a GB/T 2260 region code and everything below it. "000000" is the whole country.
/// Containment is by code prefix: a province "440000" holds every code starting "44", a city "440300" every
/// code starting "4403", a county "440304" only itself. Invariant: <see cref="Code"/> is six ASCII digits.
/// </summary>
public readonly record struct Jurisdiction
{
    /// <summary>The pseudo-code for the whole country (ministry level).</summary>
    public const string CountryCode = "000000";

    private Jurisdiction(string code, string prefix)
    {
        Code = code;
        Prefix = prefix;
    }

    /// <summary>Six-digit region code of the jurisdiction.</summary>
    public string Code { get; }

    /// <summary>
    /// The significant leading digits shared by every region inside: "" (country), "44", "4403" or "440304".
    /// Queries use it as a LIKE prefix, so an index on the region code serves them.
    /// </summary>
    public string Prefix { get; }

    public static Jurisdiction Country { get; } = new(CountryCode, string.Empty);

    /// <summary>Parses a six-digit code; rejects anything else with a Chinese message.</summary>
    public static Common.Result<Jurisdiction> Parse(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return Common.Result<Jurisdiction>.Fail("管辖范围不能为空，请填写6位行政区划代码");
        }

        code = code.Trim();
        if (code.Length != 6 || !code.All(char.IsAsciiDigit))
        {
            return Common.Result<Jurisdiction>.Fail(string.Create(CultureInfo.InvariantCulture, $"管辖范围“{code}”不是6位数字的行政区划代码"));
        }

        if (code == CountryCode)
        {
            return Common.Result<Jurisdiction>.Ok(Country);
        }

        if (code[..2] == "00")
        {
            return Common.Result<Jurisdiction>.Fail(string.Create(CultureInfo.InvariantCulture, $"管辖范围“{code}”的省级代码无效"));
        }

        var prefix = code[2..] == "0000" ? code[..2] : code[4..] == "00" ? code[..4] : code;
        return Common.Result<Jurisdiction>.Ok(new Jurisdiction(code, prefix));
    }

    /// <summary>True when <paramref name="regionCode"/> lies inside this jurisdiction.</summary>
    public bool Contains(string? regionCode) =>
        regionCode is not null && regionCode.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>True when the other jurisdiction lies wholly inside this one.</summary>
    public bool Contains(Jurisdiction other) => other.Prefix.StartsWith(Prefix, StringComparison.Ordinal);

    public override string ToString() => Code;
}
