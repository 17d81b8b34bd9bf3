using Gongjiang.Core.Common;
using Gongjiang.Core.Leave;
using Gongjiang.Web.Features.Leave.Data;
using Gongjiang.Web.Features.Leave.Records;
using Gongjiang.Web.Features.Leave.Recuperation;
using Gongjiang.Web.Features.Registry.Contracts;
using Gongjiang.Web.Platform;
using Gongjiang.Web.Platform.Demo;
using Gongjiang.Web.Platform.Modules;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Web.Features.Leave;

/// <summary>
/// Demo mode only: leave records of last year and this year for the demo enterprises (深圳市鹏城精密制造有限公司 owes
/// 李建华 compensation for last year; 广州羊城机车车辆有限公司 owes 张伟; the metro paid 陈志强), a finished 休疗养 programme
/// with its published result and attendance, and an open one with an application and a nomination. Dates are relative to
/// the day of seeding. Idempotent.
/// </summary>
internal static class LeaveDemo
{
    public static async Task SeedAsync(DemoSeed seed, CancellationToken ct)
    {
        var db = seed.Db;
        var directory = seed.Services.GetRequiredService<IEmploymentDirectory>();
        var today = ChinaTime.Today(seed.Clock);
        if (!await db.Set<LeaveRecord>().AnyAsync(ct))
        {
            await SeedRecordsAsync(db, directory, today, seed.Clock, ct);
        }

        if (!await db.Set<RecuperationProgrammeRow>().AnyAsync(ct))
        {
            await SeedRecuperationAsync(db, directory, today, ct);
        }
    }

    private static async Task SeedRecordsAsync(Platform.Data.GongjiangDbContext db, IEmploymentDirectory directory, DateOnly today, TimeProvider clock, CancellationToken ct)
    {
        var last = today.Year - 1;
        var year = today.Year;
        var persons = await directory.FindManyAsync(
            [DemoData.WorkerPersonId, DemoData.ShenzhenColleagueId, DemoData.ShenzhenMetroPersonId, DemoData.GuangzhouPersonId, DemoData.GuangzhouPerson2Id], ct);
        var enterprises = await directory.EnterprisesAsync([DemoData.ShenzhenEnterpriseId, DemoData.ShenzhenMetroId, DemoData.GuangzhouEnterpriseId], ct);
        var rows = new (Guid Person, int Year, string FirstWork, int Taken, int Arranged, decimal Wage, decimal Paid, string? Note)[]
        {
            (DemoData.WorkerPersonId, last, "1998-07-01", 10, 10, 12000m, 0m, "年底生产任务重，未安排休完"),
            (DemoData.ShenzhenColleagueId, last, "2007-09-01", 10, 10, 9500m, 0m, null),
            (DemoData.WorkerPersonId, year, "1998-07-01", 6, 6, 12500m, 0m, null),
            (DemoData.ShenzhenColleagueId, year, "2007-09-01", 4, 10, 9800m, 0m, "已安排12月下旬休假"),
            (DemoData.ShenzhenMetroPersonId, last, "1990-08-01", 12, 12, 15000m, 4137.96m, "未休3天已按300%支付"),
            (DemoData.GuangzhouPersonId, last, "1988-07-01", 5, 5, 13000m, 0m, null),
            (DemoData.GuangzhouPerson2Id, last, "2012-07-01", 10, 10, 8800m, 0m, null),
        };
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        foreach (var (personId, y, firstWork, taken, arranged, wage, paid, note) in rows)
        {
            if (!persons.TryGetValue(personId, out var person) || person.EnterpriseId is not { } enterpriseId || !enterprises.TryGetValue(enterpriseId, out var enterprise))
            {
                continue;
            }

            var first = DateOnly.ParseExact(firstWork, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            var wageMoney = Money.FromYuan(wage).GetValueOrThrow();
            var entitled = AnnualLeaveCalculator.Calculate(new AnnualLeaveInput(y, first, null, null, 0m, 0m, true, 0, taken, wage)).Result!.EntitledDays;
            var row = new LeaveRecord
            {
                EnterpriseId = enterpriseId,
                RegionCode = enterprise.RegionCode,
                PersonId = personId,
                PersonName = person.Name,
                IdNumberMasked = person.IdNumberMasked,
                FirstWorkDate = first,
                EntitlementCalculated = true,
                Note = note,
                UpdatedAtMs = now,
                UpdatedBy = "system",
            };
            LeaveRecords.Apply(row, new EmployeeLeaveRecord(personId.ToString(), y, entitled, arranged, taken, wageMoney, Money.FromYuan(paid).GetValueOrThrow(), false));
            db.Add(row);
        }

        await db.SaveChangesAsync(ct);
    }

    private static async Task SeedRecuperationAsync(Platform.Data.GongjiangDbContext db, IEmploymentDirectory directory, DateOnly today, CancellationToken ct)
    {
        // A finished programme: applied 100 days ago, selected and published, attended.
        var past = new RecuperationProgrammeRow
        {
            RegionCode = "440300",
            Name = $"{today.AddDays(-60).Year}年度深圳市优秀技术工人疗休养（第一期）",
            Organiser = "深圳市人力资源和社会保障局",
            Place = "广东省惠州市罗浮山职工疗休养基地",
            Description = "组织高技能领军人才和一线技术工人开展疗休养活动，为期5天，费用由组织单位承担。",
            ApplicationsCloseOn = today.AddDays(-90),
            StartsOn = today.AddDays(-60),
            EndsOn = today.AddDays(-56),
            Quota = 2,
            WaitlistSize = 1,
            PriorityOrder = "1,2",
            CreatedBy = "clerk",
            CreatedAtMs = Clock(today.AddDays(-110)).GetUtcNow().ToUnixTimeMilliseconds(),
        };
        var open = new RecuperationProgrammeRow
        {
            RegionCode = "440300",
            Name = $"{today.AddDays(30).Year}年度深圳市优秀技术工人疗休养（第二期）",
            Organiser = "深圳市人力资源和社会保障局",
            Place = "广东省河源市万绿湖职工疗休养基地",
            Description = "面向本市高技能领军人才和一线技术工人，经用人单位推荐报名；高技能领军人才优先，其次一线技术工人。",
            ApplicationsCloseOn = today.AddDays(14),
            StartsOn = today.AddDays(30),
            EndsOn = today.AddDays(34),
            Quota = 2,
            WaitlistSize = 2,
            PriorityOrder = "1,2",
            CreatedBy = "clerk",
            CreatedAtMs = Clock(today.AddDays(-5)).GetUtcNow().ToUnixTimeMilliseconds(),
        };
        db.AddRange(past, open);
        await db.SaveChangesAsync(ct);

        // 第一期: three applications, recommended; selection by priority (leading talents first); published; attended.
        var applied = Clock(past.ApplicationsCloseOn.AddDays(-20));
        foreach (var (person, nominated) in new[] { (DemoData.ShenzhenColleagueId, true), (DemoData.ShenzhenMetroPersonId, false), (DemoData.WorkerPersonId, false) })
        {
            await RecuperationUseCases.CreateApplicationAsync(db, directory, past.Id, person, fit: true, nominated, applied, new Platform.Api.FieldErrors(), ct);
        }

        var context = RecuperationContext.For(past.ToCore(), past.ApplicationsCloseOn.AddDays(-10), 0);
        foreach (var application in await db.Set<RecuperationApplicationRow>().Where(a => a.ProgrammeId == past.Id && a.Status == RecuperationApplicationStatus.Applied).ToListAsync(ct))
        {
            application.Status = RecuperationApplicationWorkflow.Transition(application.Status, RecuperationApplicationAction.Recommend, context).GetValueOrThrow()!.Value;
        }

        await db.SaveChangesAsync(ct);
        await RecuperationUseCases.SelectAsync(db, directory, past.Id, confirmed: true, Clock(past.ApplicationsCloseOn.AddDays(3)), ct);
        await RecuperationUseCases.PublishAsync(db, past.Id, confirmed: true, Clock(past.ApplicationsCloseOn.AddDays(5)), ct);
        var attendance = RecuperationContext.For(past.ToCore(), past.StartsOn, past.Quota);
        foreach (var application in await db.Set<RecuperationApplicationRow>().Where(a => a.ProgrammeId == past.Id && a.Status == RecuperationApplicationStatus.Selected).ToListAsync(ct))
        {
            application.Status = RecuperationApplicationWorkflow.Transition(application.Status, RecuperationApplicationAction.RecordAttendance, attendance).GetValueOrThrow()!.Value;
        }

        await db.SaveChangesAsync(ct);

        // 第二期 (open): 王秀英 applied (awaiting her employer's recommendation); the metro nominated 陈志强.
        await RecuperationUseCases.CreateApplicationAsync(db, directory, open.Id, DemoData.ShenzhenColleagueId, fit: true, nominated: false, Clock(today.AddDays(-3)), new Platform.Api.FieldErrors(), ct);
        await RecuperationUseCases.CreateApplicationAsync(db, directory, open.Id, DemoData.ShenzhenMetroPersonId, fit: true, nominated: true, Clock(today.AddDays(-2)), new Platform.Api.FieldErrors(), ct);
    }

    private static FixedClock Clock(DateOnly day) => new(new DateTimeOffset(day.ToDateTime(new TimeOnly(10, 0)), ChinaTime.Offset));

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
    }
}
