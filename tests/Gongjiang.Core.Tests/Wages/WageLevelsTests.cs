using Gongjiang.Core.Common;
using Gongjiang.Core.Skills;
using Gongjiang.Core.Wages;

namespace Gongjiang.Core.Tests.Wages;

public sealed class WageLevelsTests
{
    // Known values: PostgreSQL 15.18, `percentile_cont(f) WITHIN GROUP (ORDER BY v)` and `round(avg(v))` over bigint v,
    // output in PostgreSQL's shortest exact float8 text (extra_float_digits = 1).
    public static TheoryData<long[], double[], long> PostgresKnownValues => new()
    {
        {
            [4523100, 5012345, 6100033, 7234567, 8800001, 9100007, 12345679],
            [4816647, 5556189, 7234567, 8950004, 10398275.8],
            7587962
        },
        {
            [10000001, 10000002, 10000003, 10000005, 10000008, 10000013, 10000021, 10000034, 10000055, 10000089, 10000144, 10000233],
            [10000002.1, 10000004.5, 10000017, 10000063.5, 10000138.5],
            10000051
        },
        {
            [99999999999, 1, 33333333333, 7, 123456789, 987654321, 5555555555, 42, 100000000000, 3, 77777777777, 1234, 98765],
            [3.8000000000000007, 42, 123456789, 33333333333, 95555555554.60002],
            24444452140
        },
    };

    [Theory]
    [MemberData(nameof(PostgresKnownValues))]
    public void Percentiles_and_mean_agree_with_PostgreSQL_bit_for_bit(long[] values, double[] percentiles, long mean)
    {
        long[] sorted = [.. values.Order()];

        for (var i = 0; i < WageLevels.Fractions.Count; i++)
        {
            Assert.Equal(BitConverter.DoubleToInt64Bits(percentiles[i]), BitConverter.DoubleToInt64Bits(WageLevels.PercentileCont(sorted, WageLevels.Fractions[i])));
        }

        Assert.Equal(new Money(mean), WageLevels.Mean(sorted));
    }

    [Theory]
    // PostgreSQL: round(pay_fen * 12.0 / months), numeric rounding half away from zero
    [InlineData(1234567, 7, 2116401)]
    [InlineData(1000001, 8, 1500002)]
    [InlineData(-1000001, 8, -1500002)]
    [InlineData(4500007, 11, 4909099)]
    public void Annualised_pay_rounds_as_PostgreSQL(long fen, int months, long annual)
    {
        Assert.Equal(annual, WageLevels.AnnualPay(new Money(fen), months, WagePopulation.Annualised));
    }

    [Fact]
    public void Full_year_population_drops_part_year_rows()
    {
        Assert.Null(WageLevels.AnnualPay(new Money(100), 11, WagePopulation.FullYearOnly));
        Assert.Equal(100, WageLevels.AnnualPay(new Money(100), 12, WagePopulation.FullYearOnly));
        Assert.Null(WageLevels.AnnualPay(new Money(100), 13, WagePopulation.Annualised));
    }

    private static IEnumerable<WageSample> CellOf(string region, string occupation, SkillLevel level, int enterprises, int persons, long basePay)
    {
        for (var i = 0; i < persons; i++)
        {
            yield return new WageSample(region, occupation, level, $"{region}-{occupation}-e{i % enterprises}", $"{region}-{occupation}-{level}-p{i}", basePay + (i * 100_00));
        }
    }

    [Theory]
    // issue 15: cells with fewer than 3 enterprises or 10 persons are suppressed
    [InlineData(3, 10, false)]
    [InlineData(2, 10, true)]
    [InlineData(3, 9, true)]
    [InlineData(5, 40, false)]
    public void Small_cells_are_suppressed_with_every_figure_null(int enterprises, int persons, bool suppressed)
    {
        var cell = Assert.Single(WageLevels.Cells(CellOf("440300", "6-18-01-01", SkillLevel.Senior, enterprises, persons, 8_000_000), SuppressionRule.Default));

        Assert.Equal(suppressed, cell.Suppressed);
        Assert.Equal(suppressed, cell.Persons is null);
        Assert.Equal(suppressed, cell.Enterprises is null);
        Assert.Equal(suppressed, cell.P50 is null);
        Assert.Equal(suppressed, cell.Mean is null);
        Assert.Equal(new WageLevelKey("440300", "6-18-01-01", SkillLevel.Senior), cell.Key);
    }

    [Fact]
    public void A_suppressed_cell_never_leaks_through_a_total()
    {
        // 深圳 车工: 高级工 published (4 enterprises, 20 persons), 技师 suppressed (2 enterprises, 12 persons)
        var published = CellOf("440300", "6-18-01-01", SkillLevel.Senior, 4, 20, 8_000_000).ToList();
        var hidden = CellOf("440300", "6-18-01-01", SkillLevel.Technician, 2, 12, 15_000_000).ToList();
        var allLevels = (Func<WageLevelKey, WageLevelKey>)(k => k with { Level = null });

        var total = Assert.Single(WageLevels.Totals(published.Concat(hidden), SuppressionRule.Default, allLevels));
        var withoutHidden = Assert.Single(WageLevels.Totals(published, SuppressionRule.Default, allLevels));

        // The total is exactly what it would be had the suppressed cell never been reported: total − parts reveals nothing.
        Assert.Equal(withoutHidden with { }, total);
        Assert.Equal(20, total.Persons);
        var baseCell = WageLevels.Cells(published, SuppressionRule.Default).Single();
        Assert.Equal(baseCell.Mean, total.Mean);
    }

    [Fact]
    public void A_total_of_only_suppressed_cells_is_itself_suppressed()
    {
        var a = CellOf("440300", "6-18-01-01", SkillLevel.Senior, 2, 8, 8_000_000);
        var b = CellOf("440100", "6-18-01-01", SkillLevel.Senior, 2, 8, 9_000_000);

        var totals = WageLevels.Totals(a.Concat(b), SuppressionRule.Default, k => k with { RegionCode = null });

        // Both base cells are suppressed: nothing is published, not even a suppressed total that might be derived.
        Assert.Empty(totals);
    }

    [Fact]
    public void A_total_over_published_cells_below_the_threshold_is_suppressed()
    {
        var strict = new SuppressionRule(3, 25);
        var a = CellOf("440300", "6-18-01-01", SkillLevel.Senior, 3, 30, 8_000_000);

        var total = Assert.Single(WageLevels.Totals(a, SuppressionRule.Default, k => k with { Level = null }));
        var strictTotal = WageLevels.Totals(a, strict, k => k with { Level = null });

        Assert.False(total.Suppressed);
        Assert.False(Assert.Single(strictTotal).Suppressed);
        Assert.True(WageLevels.Cell(new WageLevelKey(null, null, null), [.. a.Take(24)], strict).Suppressed);
    }

    [Fact]
    public void Fractions_outside_zero_to_one_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => WageLevels.PercentileCont([1, 2], 1.5));
    }
}
