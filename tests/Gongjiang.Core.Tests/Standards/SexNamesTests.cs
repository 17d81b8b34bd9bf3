using Gongjiang.Core.Standards;

namespace Gongjiang.Core.Tests.Standards;

public sealed class SexNamesTests
{
    [Theory]
    [InlineData(Sex.Male, "男")] // GB/T 2261.1-2003 code 1
    [InlineData(Sex.Female, "女")] // GB/T 2261.1-2003 code 2
    public void ToChinese_names_each_sex(Sex sex, string expected) =>
        Assert.Equal(expected, SexNames.ToChinese(sex));

    [Theory]
    [InlineData(Sex.Male, 1)] // GB/T 2261.1-2003 numeric code
    [InlineData(Sex.Female, 2)] // GB/T 2261.1-2003 numeric code
    public void Enum_values_are_the_GB_T_2261_1_codes(Sex sex, int code) => Assert.Equal(code, (int)sex);

    [Fact]
    public void ToChinese_rejects_undefined_values() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => SexNames.ToChinese((Sex)9));
}
