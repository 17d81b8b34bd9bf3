using Gongjiang.Core.Registry;
using Gongjiang.Core.Skills;

namespace Gongjiang.Core.Tests.Registry;

public sealed class SkillCertificateMatchingTests
{
    [Theory]
    // A certificate number identifies the certificate: equal numbers are the same certificate, whatever else changed.
    [InlineData("S001", SkillLevel.Senior, "焊工", "S001", SkillLevel.Technician, "电焊工", true)]
    // Different numbers are different certificates, even at the same level in the same occupation.
    [InlineData("S001", SkillLevel.Senior, "焊工", "S002", SkillLevel.Senior, "焊工", false)]
    // A number on the line never matches a certificate recorded without one.
    [InlineData(null, SkillLevel.Senior, "焊工", "S001", SkillLevel.Senior, "焊工", false)]
    // Without a number: the same level in the same occupation is the same certificate (one per level and occupation).
    [InlineData("S001", SkillLevel.Senior, "焊工", null, SkillLevel.Senior, "焊工", true)]
    [InlineData(null, SkillLevel.Senior, "焊工", null, SkillLevel.Senior, "焊工", true)]
    // Without a number: a higher level is a new certificate.
    [InlineData(null, SkillLevel.Senior, "焊工", null, SkillLevel.Technician, "焊工", false)]
    // Without a number: another occupation is a new certificate.
    [InlineData(null, SkillLevel.Senior, "焊工", null, SkillLevel.Senior, "电工", false)]
    public void IsSame_matches_by_number_or_else_by_level_and_occupation(
        string? number, SkillLevel level, string occupation, string? incomingNumber, SkillLevel incomingLevel, string incomingOccupation, bool same)
    {
        Assert.Equal(same, SkillCertificateMatching.IsSame(new CertificateKey(number, level, occupation), new CertificateKey(incomingNumber, incomingLevel, incomingOccupation)));
    }
}
