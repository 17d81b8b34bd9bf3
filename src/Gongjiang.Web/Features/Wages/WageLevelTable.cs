using System.Globalization;
using Gongjiang.Core.Skills;
using Gongjiang.Core.Wages;
using Gongjiang.Web.Features.Wages.Data;
using Gongjiang.Web.Platform.Api;
using Gongjiang.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Web.Features.Wages;

/// <summary>
/// The published wage-level table (工资价位, policy 四(一)): per province × occupation × skill level, P10–P90 and the mean
/// of technical workers' annual pay (<see cref="WageLevels"/>), suppressed below 3 enterprises or 10 persons. Stored
/// per year in <see cref="WageLevelCellRecord"/> (aggregates only) and rewritten whenever a report of the year is
/// confirmed, so the public reads no individual row.
/// </summary>
public static class WageLevelTable
{
    /// <summary>Rows counted: full-year rows only (months = 12), pay as reported.</summary>
    public const WagePopulation Population = WagePopulation.FullYearOnly;

    /// <summary>The methodology note shown with the table and in the download.</summary>
    public static IReadOnlyList<string> Methodology { get; } =
    [
        "统计对象：用人单位年度工资报送中已确认的最新版本里，人员类别为“高技能人才”或“其他技能人员”、填写了职业编码和职业技能等级的技术工人。",
        "统计口径：年度应发工资总额（含基本工资、绩效工资、津贴补贴、年资工资和其他工资，税前），只统计当年在本单位工作满12个月的人员，不作年化折算。",
        "分组：按用人单位所在省级地区 × 职业（《中华人民共和国职业分类大典（2022年版）》编码）× 职业技能等级。",
        "分位数：10%、25%、50%（中位数）、75%、90%分位值按排序后相邻两个数值之间线性插值计算，平均数四舍五入到分；金额单位为元。",
        string.Create(CultureInfo.InvariantCulture, $"保密规则：单元格的用人单位少于{SuppressionRule.Default.MinimumEnterprises}家或人数少于{SuppressionRule.Default.MinimumPersons}人时不予公布（标注“样本不足”），其人数、单位数和各项数值均不公布。"),
        WageLevels.TotalsNote,
        "每有一份工资报送确认或更正，当年的工资价位即重新计算。",
    ];

    /// <summary>The province (省级) of a region code: its first two digits and 0000.</summary>
    public static string ProvinceOf(string regionCode) => string.Concat(regionCode.AsSpan(0, 2), "0000");

    /// <summary>Recomputes and stores the year's cells from every confirmed report (an audited cross-jurisdiction read: aggregates only).</summary>
    public static async Task<int> RecomputeAsync(GongjiangDbContext db, int year, TimeProvider clock, CancellationToken ct)
    {
        var rows = await db.Unscoped<WageReportLine>("重算工资价位：跨辖区读取已确认的工资报送，只输出汇总")
            .AsNoTracking()
            .Where(l => l.Year == year && l.IsCurrent && l.MonthsWorked == 12 && l.OccupationCode != null && l.SkillLevel != null
                && (l.Category == StaffCategory.HighSkill || l.Category == StaffCategory.OtherSkilled))
            .Select(l => new { l.RegionCode, l.OccupationCode, l.SkillLevel, l.EnterpriseId, l.PersonKey, l.TotalPayFen })
            .ToListAsync(ct);
        var samples = rows.Select(r => new WageSample(ProvinceOf(r.RegionCode), r.OccupationCode!, r.SkillLevel!.Value,
            r.EnterpriseId.ToString(), r.PersonKey, r.TotalPayFen));
        var cells = WageLevels.Cells(samples, SuppressionRule.Default);
        var now = clock.GetUtcNow();
        await db.DeleteInScopeAsync(db.Set<WageLevelCellRecord>().Where(c => c.Year == year),
            string.Create(CultureInfo.InvariantCulture, $"重算{year}年度工资价位"), ct);
        db.AddRange(cells.Select(c => new WageLevelCellRecord
        {
            Year = year,
            RegionCode = c.Key.RegionCode!,
            OccupationCode = c.Key.OccupationCode!,
            Level = c.Key.Level!.Value,
            Suppressed = c.Suppressed,
            Enterprises = c.Enterprises,
            Persons = c.Persons,
            P10 = c.P10,
            P25 = c.P25,
            P50 = c.P50,
            P75 = c.P75,
            P90 = c.P90,
            MeanFen = c.Mean?.Fen,
            ComputedAt = now,
        }));
        await db.SaveChangesAsync(ct);
        return cells.Count;
    }

    /// <summary>The years with a table, newest first.</summary>
    public static async Task<List<int>> YearsAsync(GongjiangDbContext db, CancellationToken ct) =>
        await db.Set<WageLevelCellRecord>().AsNoTracking().Select(c => c.Year).Distinct().OrderByDescending(y => y).ToListAsync(ct);

    /// <summary>Checks the public query (year required; region a province code; occupation a 大典 code).</summary>
    public static FieldErrors Validate(string? year, string? region, string? occupation, out int parsedYear)
    {
        var errors = new FieldErrors();
        parsedYear = 0;
        if (string.IsNullOrWhiteSpace(year))
        {
            errors.Add("year", "请指定年度（year，如 2025）");
        }
        else if (!int.TryParse(year.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out parsedYear) || parsedYear is < 2000 or > 2100)
        {
            errors.Add("year", $"年度（year）“{year.Trim()}”应为四位年份，如 2025");
        }

        if (!string.IsNullOrWhiteSpace(region))
        {
            var r = region.Trim();
            if (r.Length != 6 || !r.All(char.IsAsciiDigit))
            {
                errors.Add("region", $"地区（region）“{r}”应为6位行政区划代码");
            }
            else if (!r.EndsWith("0000", StringComparison.Ordinal))
            {
                errors.Add("region", $"工资价位按省级地区发布，地区（region）应为省级代码（如 440000），现为{r}");
            }
        }

        if (!string.IsNullOrWhiteSpace(occupation) && !Core.Registry.OccupationCode.Parse(occupation).IsValid)
        {
            errors.Add("occupation", "职业（occupation）" + Core.Registry.OccupationCode.Parse(occupation).Error);
        }

        return errors;
    }

    /// <summary>The year's cells (optionally one province and/or one occupation), ordered by region, occupation, level.</summary>
    public static async Task<List<WageLevelCellRecord>> CellsAsync(GongjiangDbContext db, int year, string? region, string? occupation, CancellationToken ct)
    {
        var query = db.Set<WageLevelCellRecord>().AsNoTracking().Where(c => c.Year == year);
        if (!string.IsNullOrWhiteSpace(region))
        {
            var r = region.Trim();
            query = query.Where(c => c.RegionCode == r);
        }

        if (!string.IsNullOrWhiteSpace(occupation))
        {
            var o = Core.Registry.OccupationCode.Parse(occupation).Value!.Value;
            query = query.Where(c => c.OccupationCode == o);
        }

        return await query.OrderBy(c => c.RegionCode).ThenBy(c => c.OccupationCode).ThenBy(c => c.Level).ToListAsync(ct);
    }

    /// <summary>分 to 元 (two decimals) for publication.</summary>
    public static decimal? Yuan(double? fen) => fen is { } f ? Math.Round((decimal)f / 100m, 2, MidpointRounding.AwayFromZero) : null;

    /// <inheritdoc cref="Yuan(double?)"/>
    public static decimal? Yuan(long? fen) => fen is { } f ? f / 100m : null;

    public static string LevelName(SkillLevel level) => SkillLevels.DisplayName(level);
}
