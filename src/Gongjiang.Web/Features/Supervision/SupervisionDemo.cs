using Gongjiang.Core.Supervision;
using Gongjiang.Web.Features.Supervision.Data;
using Gongjiang.Web.Platform;
using Gongjiang.Web.Platform.Identity;
using Gongjiang.Web.Platform.Modules;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Web.Features.Supervision;

/// <summary>
/// Demo mode: 广东 (440000) with 深圳 (440300) and 广州 (440100) — last year's and this year's progress reports (every
/// period that has ended, accepted by the level above; 广州's latest waiting for the province), implementing documents,
/// work targets (one of 广东's overdue, so the ministry's overdue list has a line), a problem raised by 深圳, one edit of
/// the division of tasks, and today's reminders — so a fresh <c>dotnet run</c> shows a filled dashboard to
/// <c>supervisor</c>. Adds the accounts the hierarchy needs: <c>ministry</c> (督查人员，全国), <c>sz-supervisor</c>
/// (督查人员，深圳市) and <c>nanshan</c> (窗口经办人，深圳市南山区, a county reporting office).
/// </summary>
internal static class SupervisionDemo
{
    public static readonly (string UserName, string Role, string Region, string DisplayName, string Description)[] Accounts =
    [
        ("ministry", Roles.Supervisor, "000000", "人社部督查处王强", "督查人员，全国（人社部）"),
        ("sz-supervisor", Roles.Supervisor, "440300", "深圳督查陈静", "督查人员，深圳市"),
        ("nanshan", Roles.Clerk, "440305", "南山区报送员刘洋", "窗口经办人（进展报送），深圳市南山区"),
    ];

    private static readonly string[] Regions = ["440000", "440300", "440100"];

    public static async Task SeedAsync(DemoSeed seed, CancellationToken ct)
    {
        var db = seed.Db;
        await SeedAccountsAsync(seed, ct);
        if (await db.Set<ReportRow>().AnyAsync(r => r.RegionCode == "440000", ct))
        {
            return;
        }

        var supervision = seed.Services.GetRequiredService<SupervisionService>();
        var today = ChinaTime.Today(seed.Clock);
        var now = seed.Clock.GetUtcNow();
        var schedule = supervision.Schedule;
        var hierarchy = SupervisionService.Hierarchy;
        var catalog = SupervisionService.Catalog;
        var periods = schedule.PeriodsOf(today.Year - 1).Concat(schedule.PeriodsOf(today.Year))
            .Where(p => schedule.DueOn(p, "440000", hierarchy, SupervisionService.Calendar).Value.DueOn < today).ToList();

        for (var r = 0; r < Regions.Length; r++)
        {
            var region = Regions[r];
            for (var i = 0; i < periods.Count; i++)
            {
                var period = periods[i];
                var due = schedule.DueOn(period, region, hierarchy, SupervisionService.Calendar).Value.DueOn;
                var waiting = region == "440100" && i == periods.Count - 1;
                var report = new ReportRow
                {
                    RegionCode = region,
                    RegionName = SupervisionService.Name(region),
                    PeriodKey = period.Key,
                    Year = period.Year,
                    Kind = period.Kind,
                    Number = period.Number,
                    PeriodEnd = period.End,
                    Status = waiting ? ReportStatus.Submitted : ReportStatus.Accepted,
                    Summary = $"{SupervisionService.ShortName(region)}{period.DisplayName}贯彻落实《关于提高技术工人待遇的意见》总体进展顺利。",
                    FirstSubmittedOn = due.AddDays(region == "440100" && i == 1 ? 3 : -2),
                    SubmittedOn = due.AddDays(-2),
                    AcceptedOn = waiting ? null : due.AddDays(3),
                    UpdatedByName = "演示数据",
                    UpdatedAt = now,
                };
                db.Add(report);
                for (var m = 0; m < catalog.Count; m++)
                {
                    var measure = catalog.All[m];
                    var status = StatusOf(m, i, r);
                    var previous = i == 0 ? MeasureStatus.NotStarted : StatusOf(m, i - 1, r);
                    db.Add(new ReportLineRow
                    {
                        ReportId = report.Id,
                        RegionCode = region,
                        MeasureCode = measure.Code,
                        Status = status,
                        Narrative = status == previous && i > 0 ? null : Narrative(region, measure, status),
                    });
                }

                db.Add(new ReportIndicatorRow { ReportId = report.Id, RegionCode = region, Code = "registry.leading-talents", Value = (r == 0 ? 40 : 12) + (i * 2) });
                db.Add(new ReportIndicatorRow { ReportId = report.Id, RegionCode = region, Code = "publication.due", Value = 1 });
                db.Add(new ReportIndicatorRow { ReportId = report.Id, RegionCode = region, Code = "publication.on-time", Value = i % 3 == 2 ? 0 : 1 });
                db.Add(new ReportEventRow { ReportId = report.Id, RegionCode = region, Action = ReportAction.Submit, ActorName = "演示数据", ActorRegionCode = region, At = now });
                if (!waiting)
                {
                    db.Add(new ReportEventRow { ReportId = report.Id, RegionCode = region, Action = ReportAction.Accept, ActorName = "演示数据", ActorRegionCode = hierarchy.Above(region).Value!.Code, At = now });
                }
            }
        }

        AddDocument(db, "440000", "广东省人力资源和社会保障厅关于贯彻落实《关于提高技术工人待遇的意见》的实施意见", "粤人社发〔2018〕210号", "广东省人力资源和社会保障厅", new DateOnly(2018, 9, 12), ["3.1", "3.2", "3.3", "3.4", "4.1", "5.1", "6.1"], now);
        AddDocument(db, "440000", "广东省高技能领军人才服务保障办法", "粤人社规〔2019〕8号", "广东省人力资源和社会保障厅", new DateOnly(2019, 4, 2), ["3.1", "3.5"], now);
        AddDocument(db, "440000", "关于完善技能人才职业技能等级认定的通知", "粤人社函〔2020〕56号", "广东省人力资源和社会保障厅", new DateOnly(2020, 3, 18), ["6.1", "6.3"], now);
        AddDocument(db, "440300", "深圳市提高技术工人待遇若干措施", "深人社规〔2019〕5号", "深圳市人力资源和社会保障局", new DateOnly(2019, 6, 20), ["3.1", "3.4", "4.1", "4.2", "5.2"], now);
        AddDocument(db, "440300", "深圳市技能人才薪酬分配指引", "深人社发〔2020〕31号", "深圳市人力资源和社会保障局", new DateOnly(2020, 8, 5), ["4.1", "4.3"], now);
        AddDocument(db, "440100", "广州市贯彻落实提高技术工人待遇意见的工作方案", "穗人社发〔2019〕12号", "广州市人力资源和社会保障局", new DateOnly(2019, 5, 9), ["3.1", "3.2", "5.1", "6.2"], now);

        AddTarget(db, "440000", "3.1", "建成全省高技能领军人才数据库并向社会公布", new DateOnly(today.Year, 3, 31), now);
        AddTarget(db, "440000", "5.3", "出台职业技能提升补贴实施细则", new DateOnly(today.Year, 9, 30), now);
        AddTarget(db, "440300", "5.1", "建立企业职工职业技能提升培训补贴直补机制", new DateOnly(today.Year, 6, 30), now);
        AddTarget(db, "440100", "4.2", "年内在国有企业推行年资工资", new DateOnly(today.Year, 12, 31), now);

        var problem = new ProblemRow
        {
            RegionCode = "440300",
            MeasureCode = "3.4",
            Title = "高技能领军人才子女入学政策与教育部门衔接不畅",
            Description = "部分区教育部门对高技能领军人才子女入学待遇的认定口径不一，请省级协调明确。",
            Status = ProblemStatus.Open,
            HandlerRegionCode = "440000",
            WithHandlerSince = today.AddDays(-10),
            RaisedOn = today.AddDays(-10),
            RaisedByName = "深圳窗口周敏",
        };
        db.Add(problem);
        db.Add(new ProblemEventRow { ProblemId = problem.Id, RegionCode = "440300", Action = ProblemAction.Raise, ActorName = problem.RaisedByName, ActorRegionCode = "440300", At = now, Text = problem.Description });

        var lead = TaskDivision.Default.For("3.2", GovernmentLevel.Province);
        db.Add(new DivisionVersion
        {
            RegionCode = "440000",
            MeasureCode = "3.2",
            Level = GovernmentLevel.Province,
            Leads = "hrss|人力资源社会保障\n|总工会",
            Participants = string.Join("\n", lead.Participants.Where(p => p.Name != "总工会").Select(p => (p.DepartmentCode ?? "") + "|" + p.Name)),
            Changes = "三（二）省级：新增牵头单位 总工会",
            IsCurrent = true,
            ChangedByName = "督查员黄明",
            ChangedAt = now,
        });
        await db.SaveChangesAsync(ct);
        await supervision.RecordRemindersAsync(null, ct);
    }

    private static async Task SeedAccountsAsync(DemoSeed seed, CancellationToken ct)
    {
        var users = seed.Services.GetRequiredService<UserManager<AppUser>>();
        string? hash = null;
        foreach (var (userName, role, region, name, _) in Accounts)
        {
            ct.ThrowIfCancellationRequested();
            if (await users.FindByNameAsync(userName) is not null)
            {
                continue;
            }

            var user = new AppUser { UserName = userName, DisplayName = name, Role = role, RegionCode = region, CreatedAt = seed.Clock.GetUtcNow() };
            hash ??= users.PasswordHasher.HashPassword(user, seed.Settings.DemoPassword);
            user.PasswordHash = hash;
            var result = await users.CreateAsync(user);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException("演示账户创建失败：" + string.Join("；", result.Errors.Select(e => e.Description)));
            }
        }
    }

    /// <summary>A status that moves forward over the periods, differently per measure and region.</summary>
    private static MeasureStatus StatusOf(int measure, int period, int region)
    {
        var progress = (((measure * 7) + (region * 3)) % 11) + period;
        return progress < 5 ? MeasureStatus.NotStarted : progress < 12 ? MeasureStatus.InProgress : MeasureStatus.Completed;
    }

    private static string Narrative(string region, Measure measure, MeasureStatus status) => status switch
    {
        MeasureStatus.NotStarted => $"{SupervisionService.ShortName(region)}正在研究{measure.Title}的具体措施，尚未启动。",
        MeasureStatus.InProgress => $"{SupervisionService.ShortName(region)}已制定{measure.Title}的工作方案，正在组织实施。",
        _ => $"{SupervisionService.ShortName(region)}已完成{measure.Title}的各项任务，并纳入常态化管理。",
    };

    private static void AddDocument(Platform.Data.GongjiangDbContext db, string region, string title, string number, string issuer, DateOnly issuedOn, string[] measures, DateTimeOffset now)
    {
        var document = new DocumentRow
        {
            RegionCode = region,
            Title = title,
            Number = number,
            Issuer = issuer,
            IssuedOn = issuedOn,
            Measures = string.Join(",", measures),
            FiledByName = "演示数据",
            FiledAt = now,
        };
        db.Add(document);
        foreach (var measure in measures)
        {
            db.Add(new DocumentMeasureRow { DocumentId = document.Id, RegionCode = region, MeasureCode = measure, IssuedOn = issuedOn });
        }
    }

    private static void AddTarget(Platform.Data.GongjiangDbContext db, string region, string measure, string description, DateOnly dueOn, DateTimeOffset now) =>
        db.Add(new WorkTargetRow { RegionCode = region, MeasureCode = measure, Description = description, DueOn = dueOn, CreatedByName = "演示数据", CreatedAt = now });
}
