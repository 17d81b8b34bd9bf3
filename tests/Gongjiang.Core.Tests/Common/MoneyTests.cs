using Gongjiang.Core.Common;

namespace Gongjiang.Core.Tests.Common;

public sealed class MoneyTests
{
    [Theory]
    [InlineData("12000", 1_200_000L)] // plain 元
    [InlineData("12,000.50", 1_200_050L)] // thousands separator, two decimals
    [InlineData("１２０００．５", 1_200_050L)] // full-width digits and point, as typed on a Chinese keyboard
    [InlineData("¥8000元", 800_000L)] // currency sign and unit
    [InlineData("1.5万", 1_500_000L)] // 万 = 10,000 元 (安家补贴 are often written so)
    [InlineData(" 0.01 ", 1L)] // one 分
    public void Parse_accepts_amounts_as_people_write_them(string text, long fen) =>
        Assert.Equal(new Money(fen), Money.Parse(text).GetValueOrThrow());

    [Theory]
    [InlineData("12.345", "金额最多保留两位小数（精确到分）")]
    [InlineData("-5", "金额不能为负数")]
    [InlineData("abc", "金额“abc”不是有效的数字")]
    [InlineData("", "金额不能为空")]
    [InlineData("2000000000", "金额超过上限（10亿元），请核对")]
    public void Parse_refuses_bad_amounts_in_Chinese(string text, string error) =>
        Assert.Equal(error, Money.Parse(text).Error);

    [Fact]
    public void Divide_rounds_half_away_from_zero_to_the_fen()
    {
        // 8000 ÷ 21.75 = 367.816… → 367.82 (办法 art 11 daily wage)
        Assert.Equal(new Money(36_782), new Money(800_000).Divide(21.75m));
        Assert.Equal(new Money(3), new Money(5).Multiply(0.5m)); // 2.5 分 → 3 分
    }

    [Fact]
    public void Arithmetic_is_exact_and_checked()
    {
        Assert.Equal(new Money(30), new Money(10) + new Money(20));
        Assert.Throws<OverflowException>(() => new Money(long.MaxValue) + new Money(1));
        Assert.Equal("1,234,567.89", new Money(123_456_789).ToString());
        Assert.Equal("0.05元", new Money(5).ToChinese());
    }
}
