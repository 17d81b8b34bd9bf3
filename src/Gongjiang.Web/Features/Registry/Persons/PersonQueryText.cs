using Gongjiang.Core.Reference;
using Gongjiang.Core.Standards;

namespace Gongjiang.Web.Features.Registry.Persons;

/// <summary>What the one search box of the persons page was given, read by its shape.</summary>
public enum PersonQueryKind
{
    /// <summary>A name, or part of one; when no name contains it, the names of the employers are searched instead.</summary>
    Name,

    /// <summary>15 or 18 characters shaped like a GB 11643 公民身份号码 (roles with need only; audited).</summary>
    IdNumber,

    /// <summary>18 characters shaped like a GB 32100 统一社会信用代码: the persons of that enterprise.</summary>
    CreditCode,
}

/// <summary>The search box's text read as a name, an ID number or a credit code, with the parse error if malformed.</summary>
public sealed record PersonQueryText(PersonQueryKind Kind, string? Name, CitizenIdNumber? IdNumber, string? CreditCode, string? Error)
{
    public static PersonQueryText Read(string? text, DateOnly today)
    {
        var trimmed = text?.Trim() ?? "";
        var compact = IdentifierText.Normalize(trimmed);
        var digits = compact.Count(char.IsAsciiDigit);
        if ((compact.Length == 18 && digits >= 17 && char.IsAsciiDigit(compact[0]) && compact[..17].All(char.IsAsciiDigit))
            || (compact.Length == 15 && digits == 15))
        {
            var id = CitizenIdNumber.Parse(compact, today, RegionCatalog.Default);
            if (!id.IsValid && UnifiedSocialCreditCode.Parse(compact) is { IsValid: true } digitsOnlyCode)
            {
                return new PersonQueryText(PersonQueryKind.CreditCode, null, null, digitsOnlyCode.Value!.Value, null);
            }

            return new PersonQueryText(PersonQueryKind.IdNumber, null, id.IsValid ? id.Value : null, null, id.Error);
        }

        if (compact.Length == UnifiedSocialCreditCode.Length && compact.All(char.IsAsciiLetterOrDigit) && compact.Any(char.IsAsciiLetter))
        {
            var code = UnifiedSocialCreditCode.Parse(compact);
            return new PersonQueryText(PersonQueryKind.CreditCode, null, null, code.IsValid ? code.Value!.Value : null, code.Error);
        }

        return new PersonQueryText(PersonQueryKind.Name, trimmed.Length == 0 ? null : trimmed, null, null, null);
    }
}
