using Gongjiang.Core.Standards;

namespace Gongjiang.Core.Publication;

/// <summary>An objection (异议) as filed by a member of the public, after checking.</summary>
public sealed record ObjectionForm(string Name, string Contact, string Reason);

/// <summary>
/// Checks an objection filed during the 公示期. Real names and a way to reach the objector are required (公示 notices
/// ask objectors to 署真实姓名并提供联系方式) so that the office can verify and reply; the text is plain text, stored as
/// written and always rendered encoded, with control characters refused.
/// </summary>
public static class ObjectionRules
{
    public const int NameMaxLength = 32;
    public const int ContactMaxLength = 64;
    public const int ReasonMaxLength = 1000;
    public const int DecisionReasonMaxLength = 500;

    /// <summary>Field name → Chinese message; empty when valid. Field names: name, contact, reason.</summary>
    public static (ObjectionForm? Form, IReadOnlyDictionary<string, string> Errors) Check(string? name, string? contact, string? reason)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var n = Clean(name);
        var c = Clean(contact);
        var r = (reason ?? "").Trim();

        if (n.Length == 0)
        {
            errors["name"] = "请填写异议人姓名";
        }
        else if (n.Length > NameMaxLength)
        {
            errors["name"] = $"异议人姓名不能超过{NameMaxLength}个字";
        }
        else if (HasMarkupOrControl(n))
        {
            errors["name"] = "异议人姓名含有不允许的字符（< > 或控制字符）";
        }

        if (c.Length == 0)
        {
            errors["contact"] = "请填写联系方式（手机号码或电子邮箱），以便告知处理结果";
        }
        else if (c.Length > ContactMaxLength)
        {
            errors["contact"] = $"联系方式不能超过{ContactMaxLength}个字符";
        }
        else if (!IsContact(c))
        {
            errors["contact"] = "联系方式应为11位手机号码、固定电话或电子邮箱";
        }

        if (r.Length == 0)
        {
            errors["reason"] = "请填写异议内容和理由";
        }
        else if (r.Length < 10)
        {
            errors["reason"] = "异议内容过短，请写明异议事实和理由（至少10个字）";
        }
        else if (r.Length > ReasonMaxLength)
        {
            errors["reason"] = $"异议内容不能超过{ReasonMaxLength}个字（现有{r.Length}个字）";
        }
        else if (r.Any(ch => char.IsControl(ch) && ch is not '\n' and not '\r' and not '\t'))
        {
            errors["reason"] = "异议内容含有控制字符";
        }

        return errors.Count == 0 ? (new ObjectionForm(n, c, r), errors) : (null, errors);
    }

    /// <summary>Checks the reason of a decision; null when valid.</summary>
    public static string? CheckDecisionReason(string? reason)
    {
        var r = (reason ?? "").Trim();
        return r.Length switch
        {
            0 => "请填写处理理由",
            > DecisionReasonMaxLength => $"处理理由不能超过{DecisionReasonMaxLength}个字",
            _ => null,
        };
    }

    private static string Clean(string? value) => (value ?? "").Trim();

    private static bool HasMarkupOrControl(string value) => value.Any(ch => ch is '<' or '>' || char.IsControl(ch));

    private static bool IsContact(string value)
    {
        if (MobileNumber.Parse(value).IsValid)
        {
            return true;
        }

        var at = value.IndexOf('@', StringComparison.Ordinal);
        if (at > 0 && at == value.LastIndexOf('@') && value.IndexOf('.', at) > at + 1 && !value.EndsWith('.') && !value.Any(char.IsWhiteSpace) && !HasMarkupOrControl(value))
        {
            return true;
        }

        // Landline: area code and number, e.g. 0755-12345678.
        return value.Length is >= 10 and <= 13 && value[0] == '0' && value.All(ch => char.IsAsciiDigit(ch) || ch == '-') && value.Count(ch => ch == '-') <= 1;
    }
}
