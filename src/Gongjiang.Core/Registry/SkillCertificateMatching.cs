using Gongjiang.Core.Skills;

namespace Gongjiang.Core.Registry;

/// <summary>What identifies a skill certificate (职业技能等级证书 / 职业资格证书) in a person's record.</summary>
public sealed record CertificateKey(string? Number, SkillLevel Level, string Occupation);

/// <summary>
/// Whether a certificate on a roster line is one the person already has, so a re-import updates it instead of adding a
/// second. A certificate number (证书编号) identifies one certificate; without one, the same level in the same occupation
/// is taken as the same certificate, since a person holds one certificate per level and occupation (a higher level is
/// a new certificate, as the registry's highest level is the maximum over them).
/// </summary>
public static class SkillCertificateMatching
{
    /// <summary>
    /// With a number on the line: the numbers are equal (exactly). Without: the levels are equal and the occupations are
    /// equal (exactly).
    /// </summary>
    public static bool IsSame(CertificateKey existing, CertificateKey incoming)
    {
        ArgumentNullException.ThrowIfNull(existing);
        ArgumentNullException.ThrowIfNull(incoming);
        return incoming.Number is not null
            ? string.Equals(existing.Number, incoming.Number, StringComparison.Ordinal)
            : existing.Level == incoming.Level && string.Equals(existing.Occupation, incoming.Occupation, StringComparison.Ordinal);
    }
}
