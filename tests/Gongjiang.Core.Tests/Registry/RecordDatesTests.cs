using Gongjiang.Core.Registry;

namespace Gongjiang.Core.Tests.Registry;

public sealed class RecordDatesTests
{
    private static readonly DateOnly Today = new(2025, 6, 30);

    [Theory]
    // An ordinary start of employment, after the 14th birthday and before today.
    [InlineData("2010-09-01", "1990-05-01", null)]
    // The 14th birthday itself is accepted (RecordDates.MinimumAge: not before the birthday).
    [InlineData("2004-05-01", "1990-05-01", null)]
    // A day before the 14th birthday is a typing error (RecordDates.MinimumAge; 《劳动法》第十五条 sets 16, the floor stays below it).
    [InlineData("2004-04-30", "1990-05-01", "入职时间2004-04-30早于本人14周岁，请核对")]
    // A person born 29 February turns 14 on 28 February in a common year (DateOnly.AddYears).
    [InlineData("2018-02-28", "2004-02-29", null)]
    [InlineData("2018-02-27", "2004-02-29", "入职时间2018-02-27早于本人14周岁，请核对")]
    // Today is accepted; tomorrow is not.
    [InlineData("2025-06-30", null, null)]
    [InlineData("2025-07-01", null, "入职时间2025-07-01晚于今天")]
    // 1950 is the floor (the first 全国劳动模范 were named in September 1950); 1949 is refused.
    [InlineData("1950-01-01", null, null)]
    [InlineData("1949-12-31", null, "入职时间1949-12-31早于1950年，请核对")]
    // Without a birth date (a revocation date) only today and 1950 bound the date.
    [InlineData("1951-01-01", null, null)]
    // The future is reported before the age: one reason per field, the most obvious one.
    [InlineData("2030-01-01", "2020-01-01", "入职时间2030-01-01晚于今天")]
    // The age is reported before the 1950 floor.
    [InlineData("1949-01-01", "1940-01-01", "入职时间1949-01-01早于本人14周岁，请核对")]
    public void Check_accepts_plausible_dates_and_names_the_field_otherwise(string date, string? birth, string? reason)
    {
        var result = RecordDates.Check("入职时间", DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), Today,
            birth is null ? null : DateOnly.Parse(birth, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(reason, result.Error);
        if (reason is null)
        {
            Assert.Equal(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), result.Value);
        }
    }

    [Theory]
    // A four-digit year between the first national honours (1950) and this year.
    [InlineData("2019", 2019)]
    [InlineData("1950", 1950)]
    [InlineData("2025", 2025)]
    // As people write it: with 年, full-width digits, spaces.
    [InlineData("2019年", 2019)]
    [InlineData("２０１９", 2019)]
    [InlineData(" 2019 ", 2019)]
    public void AwardYear_reads_years_as_written(string text, int year)
    {
        var result = RecordDates.AwardYear(text, Today);

        Assert.True(result.IsValid, result.Error);
        Assert.Equal(year, result.Value);
    }

    [Theory]
    // Before 1950, after this year, not a year at all, a sign or a date.
    [InlineData("1949")]
    [InlineData("2026")]
    [InlineData("去年")]
    [InlineData("-2019")]
    [InlineData("2019-05-01")]
    public void AwardYear_refuses_other_text_naming_the_range(string text)
    {
        var result = RecordDates.AwardYear(text, Today);

        Assert.False(result.IsValid);
        Assert.Equal($"授予年份“{text}”应为1950至2025之间的四位年份", result.Error);
    }
}
