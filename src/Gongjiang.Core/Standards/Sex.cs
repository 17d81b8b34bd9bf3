namespace Gongjiang.Core.Standards;

/// <summary>
/// 性别, coded as in GB/T 2261.1-2003 (1 男性, 2 女性). Only the two values that a GB 11643-1999 公民身份号码
/// can carry are defined: the 17th digit (顺序码's last digit) is odd for men and even for women.
/// </summary>
public enum Sex
{
    /// <summary>男 (GB/T 2261.1 code 1).</summary>
    Male = 1,

    /// <summary>女 (GB/T 2261.1 code 2).</summary>
    Female = 2,
}

/// <summary>Chinese display names for <see cref="Sex"/>: exactly “男” or “女”.</summary>
public static class SexNames
{
    /// <summary>“男” for <see cref="Sex.Male"/>, “女” for <see cref="Sex.Female"/>; throws for undefined values.</summary>
    public static string ToChinese(Sex sex) => sex switch
    {
        Sex.Male => "男",
        Sex.Female => "女",
        _ => throw new ArgumentOutOfRangeException(nameof(sex), sex, "未定义的性别代码"),
    };
}
