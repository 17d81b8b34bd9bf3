using System.Globalization;
using Gongjiang.Core.Common;
using Gongjiang.Core.Skills;
using Gongjiang.Core.Wages;
using Gongjiang.Web.Features.Registry.Contracts;
using Gongjiang.Web.Features.Wages.Data;
using Gongjiang.Web.Platform;
using Gongjiang.Web.Platform.Api;
using Gongjiang.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Web.Features.Wages;

/// <summary>
/// A scheme version to record. <paramref name="Kind"/>: 年资工资/Seniority, 特聘岗位津贴/SpecialPost, 带徒津贴/Mentoring;
/// amounts as text in 元 a month; <paramref name="EffectiveFrom"/> as yyyy-MM-dd.
/// </summary>
public sealed record WageSchemeRequest(Guid? EnterpriseId, string? Kind, string? Name, string? EffectiveFrom, int? StartYears = null,
    string? MonthlyAmount = null, string? MonthlyCap = null, string? MinimumLevel = null, bool? PerApprentice = null,
    int? MinimumApprentices = null, int? MaximumApprentices = null);

/// <summary>What a report row owes under the enterprise's own schemes (policy 三(三)), when it pays less.</summary>
/// <param name="LineId">The report line.</param>
/// <param name="Due">What the schemes say is due.</param>
/// <param name="Shortfall">The sum of what each underpaid part lacks.</param>
/// <param name="Reasons">The failing rules' Chinese reasons.</param>
public sealed record WageSchemeShortfall(Guid LineId, WageEntitlement Due, Money Shortfall, IReadOnlyList<string> Reasons);

/// <summary>
/// The enterprise's 年资工资 and allowance schemes as dated versions, and the check of report lines against them
/// (<see cref="WageSchemes.Entitlement"/> and <see cref="WageSchemes.CheckReport"/> in Core do the arithmetic).
/// </summary>
public static class WageSchemeStore
{
    /// <summary>
    /// Records a new version; the version of the same kind in force on its first day (or starting later) is closed on
    /// that day. Returns the id or the Chinese field errors; nothing is saved on error.
    /// </summary>
    public static async Task<(Guid? Id, FieldErrors Errors)> RecordAsync(GongjiangDbContext db, IRegistryDirectory registry, WageSchemeRequest request,
        TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var actor = db.Actor;
        var enterpriseId = request.EnterpriseId ?? actor.EnterpriseId;
        DirectoryEnterprise? enterprise = null;
        if (actor.EnterpriseId is null)
        {
            errors.Add("enterpriseId", "工资制度由用人单位登记；人社部门只能查看");
        }
        else if (enterpriseId is not { } eid)
        {
            errors.Add("enterpriseId", "请指定单位（enterpriseId）");
        }
        else if ((actor.EnterpriseId is { } own && own != eid) || (enterprise = await registry.FindEnterpriseAsync(eid, ct)) is null
            || !actor.Jurisdiction.Contains(enterprise.RegionCode))
        {
            errors.Add("enterpriseId", "该单位不在您的管辖范围内，不能为其登记工资制度");
            enterprise = null;
        }

        WageSchemeKind? kind = (request.Kind ?? "").Trim() switch
        {
            "年资工资" or "Seniority" => WageSchemeKind.Seniority,
            "特聘岗位津贴" or "SpecialPost" => WageSchemeKind.SpecialPost,
            "带徒津贴" or "Mentoring" => WageSchemeKind.Mentoring,
            _ => null,
        };
        if (kind is null)
        {
            errors.Add("kind", "制度类型应为年资工资、特聘岗位津贴或带徒津贴");
        }

        var name = (request.Name ?? "").Trim();
        if (name.Length is 0 or > 100)
        {
            errors.Add("name", "制度名称不能为空，且不超过100个字");
        }

        DateOnly from = default;
        if (!DateOnly.TryParseExact((request.EffectiveFrom ?? "").Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out from)
            || from.Year < WageReports.FirstYear || from.Year > ChinaTime.Today(clock).Year + 1)
        {
            errors.Add("effectiveFrom", string.Create(CultureInfo.InvariantCulture, $"生效日期应为{WageReports.FirstYear}年以后的日期，格式如2026-01-01"));
        }

        var amount = Money.Parse(request.MonthlyAmount);
        if (!amount.IsValid)
        {
            errors.Add("monthlyAmount", (kind == WageSchemeKind.Seniority ? "级差（每年每月）：" : "每月金额：") + amount.Error);
        }
        else if (amount.Value > new Money(10_000_000))
        {
            errors.Add("monthlyAmount", "每月金额不应超过10万元");
        }

        Money? cap = null;
        if (!string.IsNullOrWhiteSpace(request.MonthlyCap))
        {
            var parsed = Money.Parse(request.MonthlyCap);
            if (!parsed.IsValid)
            {
                errors.Add("monthlyCap", "每月上限：" + parsed.Error);
            }
            else
            {
                cap = parsed.Value;
            }
        }

        var startYears = request.StartYears ?? 0;
        if (kind == WageSchemeKind.Seniority && (request.StartYears is null || startYears is < 0 or > 50))
        {
            errors.Add("startYears", "起加点应为0至50年");
        }

        SkillLevel? level = null;
        if (!string.IsNullOrWhiteSpace(request.MinimumLevel))
        {
            var parsed = SkillLevels.Parse(request.MinimumLevel);
            if (parsed.IsValid)
            {
                level = parsed.Value;
            }
            else
            {
                errors.Add("minimumLevel", "最低技能等级：" + parsed.Error);
            }
        }

        var minimumApprentices = request.MinimumApprentices ?? 1;
        if (minimumApprentices is < 1 or > 50)
        {
            errors.Add("minimumApprentices", "最少带徒人数应为1至50");
        }

        if (request.MaximumApprentices is { } max && (max < minimumApprentices || max > 50))
        {
            errors.Add("maximumApprentices", "最多计发带徒人数应不少于最少带徒人数，且不超过50");
        }

        if (!errors.IsEmpty || enterprise is null || kind is not { } k)
        {
            return (null, errors);
        }

        var later = await db.Set<WageSchemeVersion>()
            .Where(s => s.EnterpriseId == enterprise.Id && s.Kind == k && (s.EffectiveTo == null || s.EffectiveTo > from))
            .ToListAsync(ct);
        if (later.Any(s => s.EffectiveFrom >= from))
        {
            errors.Add("effectiveFrom", string.Create(CultureInfo.InvariantCulture, $"已有自{later.Max(s => s.EffectiveFrom):yyyy-MM-dd}起的{WageSchemeVersion.ChineseName(k)}版本，新版本的生效日期应在其后"));
            return (null, errors);
        }

        foreach (var open in later)
        {
            open.EffectiveTo = from;
        }

        var version = new WageSchemeVersion
        {
            EnterpriseId = enterprise.Id,
            EnterpriseName = enterprise.Name,
            RegionCode = enterprise.RegionCode,
            Kind = k,
            Name = name,
            StartYears = k == WageSchemeKind.Seniority ? startYears : 0,
            MonthlyAmountFen = amount.Value.Fen,
            MonthlyCapFen = k == WageSchemeKind.Seniority ? cap?.Fen : null,
            MinimumLevel = k == WageSchemeKind.Seniority ? null : level,
            PerApprentice = k == WageSchemeKind.Mentoring && (request.PerApprentice ?? false),
            MinimumApprentices = k == WageSchemeKind.Mentoring ? minimumApprentices : 1,
            MaximumApprentices = k == WageSchemeKind.Mentoring ? request.MaximumApprentices : null,
            EffectiveFrom = from,
            RecordedByName = actor.DisplayName,
            RecordedAt = clock.GetUtcNow(),
        };
        db.Add(version);
        await db.SaveChangesAsync(ct);
        return (version.Id, errors);
    }

    /// <summary>The scheme versions in scope (an employer: its own), newest first.</summary>
    public static Task<List<WageSchemeVersion>> ListAsync(GongjiangDbContext db, Guid? enterpriseId, CancellationToken ct)
    {
        var query = db.Set<WageSchemeVersion>().AsNoTracking();
        if (enterpriseId is { } id)
        {
            query = query.Where(s => s.EnterpriseId == id);
        }

        return query.OrderBy(s => s.EnterpriseName).ThenBy(s => s.Kind).ThenByDescending(s => s.EffectiveFrom).Take(500).ToListAsync(ct);
    }

    /// <summary>
    /// The lines of <paramref name="report"/> that pay less than the enterprise's own schemes, keyed by line id.
    /// Worker facts come from the line: 本企业工龄起算日, 特聘岗位月数 and 带徒人数; a line without a fact is not held to
    /// the scheme that needs it. Months worked are taken as the year's first <c>MonthsWorked</c> months, special-post
    /// months as the first of those, and the apprentices as mentored in every month worked (the report has no month detail).
    /// </summary>
    public static async Task<Dictionary<Guid, WageSchemeShortfall>> ShortfallsAsync(GongjiangDbContext db, WageReport report,
        IReadOnlyList<WageReportLine> lines, CancellationToken ct)
    {
        var versions = await db.Set<WageSchemeVersion>().AsNoTracking().Where(s => s.EnterpriseId == report.EnterpriseId).ToListAsync(ct);
        var result = new Dictionary<Guid, WageSchemeShortfall>();
        if (versions.Count == 0)
        {
            return result;
        }

        var seniority = versions.Where(v => v.Kind == WageSchemeKind.Seniority).OrderBy(v => v.EffectiveFrom)
            .Select(v => new SeniorityWageScheme(v.StartYears, new Money(v.MonthlyAmountFen), v.MonthlyCapFen is { } c ? new Money(c) : null,
                v.EffectiveFrom, v.EffectiveTo)).ToList();
        var allowances = versions.Where(v => v.Kind != WageSchemeKind.Seniority).OrderBy(v => v.EffectiveFrom)
            .Select(v => new AllowanceScheme(v.Id.ToString(), v.Kind == WageSchemeKind.SpecialPost ? AllowanceKind.SpecialPost : AllowanceKind.Mentoring,
                v.Name, new Money(v.MonthlyAmountFen), v.MinimumLevel, v.PerApprentice, v.MinimumApprentices, v.MaximumApprentices,
                v.EffectiveFrom, v.EffectiveTo)).ToList();
        foreach (var line in lines)
        {
            var months = Enumerable.Range(1, Math.Clamp(line.MonthsWorked, 0, 12)).ToList();
            var special = months.Take(Math.Max(0, line.SpecialPostMonths ?? 0)).ToHashSet();
            var apprentices = months.ToDictionary(m => m, _ => Math.Max(0, line.Apprentices ?? 0));
            var worker = new WorkerWageYear(report.Year, line.ServiceStart ?? new DateOnly(report.Year, 1, 1), months.ToHashSet(), special, apprentices, line.SkillLevel);
            var due = WageSchemes.Entitlement(line.ServiceStart is null ? [] : seniority, allowances, worker).Outcome;
            var row = line.ToRow();
            var check = WageSchemes.CheckReport(row, due, report.Year);
            if (!check.Outcome)
            {
                var shortfall = Money.Max(Money.Zero, due.SeniorityPay - row.SeniorityPay) + Money.Max(Money.Zero, due.SpecialPostAllowance - row.SpecialPostAllowance)
                    + Money.Max(Money.Zero, due.MentorAllowance - row.MentorAllowance);
                result[line.Id] = new WageSchemeShortfall(line.Id, due, shortfall, [.. check.Rules.Where(r => !r.Holds).Select(r => r.Reason)]);
            }
        }

        return result;
    }
}
