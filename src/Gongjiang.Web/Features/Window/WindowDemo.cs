using System.Security.Cryptography;
using Gongjiang.Core.Calendar;
using Gongjiang.Core.Reference;
using Gongjiang.Core.Window;
using Gongjiang.Web.Features.Registry.Contracts;
using Gongjiang.Web.Features.Window.Catalogue;
using Gongjiang.Web.Features.Window.Data;
using Gongjiang.Web.Platform;
using Gongjiang.Web.Platform.Demo;
using Gongjiang.Web.Platform.Modules;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Web.Features.Window;

/// <summary>
/// Demo mode only: requests of the demo worker 李建华 (深圳) in several states — 已提交 (housing), 办理中 with tasks in
/// the 住建 and 教育 inboxes (housing + schooling), 补正中 (积分落户, clock paused), 办结 (安家补贴, 准予). Idempotent.
/// </summary>
internal static class WindowDemo
{
    public static readonly Guid SubmittedId = Guid.Parse("0193a000-0000-7000-8000-000000012001");
    public static readonly Guid InProgressId = Guid.Parse("0193a000-0000-7000-8000-000000012002");
    public static readonly Guid SupplementId = Guid.Parse("0193a000-0000-7000-8000-000000012003");
    public static readonly Guid ClosedId = Guid.Parse("0193a000-0000-7000-8000-000000012004");

    public static async Task SeedAsync(DemoSeed seed, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(seed);
        var db = seed.Db;
        if (await db.Set<ServiceRequest>().AnyAsync(r => r.Id == SubmittedId, ct))
        {
            return;
        }

        var person = await seed.Services.GetRequiredService<IRegistryPersons>().FindAsync(DemoData.WorkerPersonId, ct);
        if (person is null)
        {
            return;
        }

        var today = ChinaTime.Today(seed.Clock);
        var now = seed.Clock.GetUtcNow();
        DateOnly Back(int workingDays)
        {
            var day = today;
            for (var n = 0; n < workingDays;)
            {
                day = day.AddDays(-1);
                if (WorkingDays.Classify(WorkingDayCalendar.China, day).IsWorkingDay)
                {
                    n++;
                }
            }

            return day;
        }

        var sequence = 0;
        ServiceRequest Request(Guid id, string[] codes, ServiceRequestStatus status, DateOnly filed)
        {
            var items = codes.Select(c => ServiceCatalogue.Find(c)!).ToList();
            var limits = ServiceCatalogue.LimitsOf(items);
            var r = new ServiceRequest
            {
                Id = id,
                ReceiptNumber = ReceiptNumber.Create(person.RegionCode, filed, 900 + ++sequence, RandomNumberGenerator.GetBytes(4)).Value,
                ItemCodes = string.Join(",", codes),
                RegionCode = person.RegionCode,
                PersonId = person.Id,
                EnterpriseId = person.EnterpriseId,
                ApplicantName = person.Name,
                Status = status,
                Channel = "网上申报",
                FiledOn = filed,
                CommittedWorkingDays = limits.CommittedWorkingDays,
                StatutoryWorkingDays = limits.StatutoryWorkingDays,
                FiledBy = "worker",
                CreatedAt = now.AddMinutes(sequence),
            };
            db.Add(r);
            return r;
        }

        void Step(ServiceRequest r, DateOnly on, ServiceRequestAction action, string text, string actor, ServiceOutcome? outcome = null, string? department = null) =>
            db.Add(new RequestStep
            {
                RequestId = r.Id,
                RegionCode = r.RegionCode,
                PersonId = r.PersonId,
                EnterpriseId = r.EnterpriseId,
                On = on,
                At = new DateTimeOffset(on.ToDateTime(new TimeOnly(9, 0)), ChinaTime.Offset) + TimeSpan.FromMinutes(db.ChangeTracker.Entries<RequestStep>().Count()),
                Action = action,
                Outcome = outcome,
                Text = text,
                Actor = actor,
                DepartmentCode = department,
            });

        void Task(ServiceRequest r, Department d, string codes, AssignmentStatus status, DateOnly routed, DateOnly? done = null) =>
            db.Add(new RequestTask { RequestId = r.Id, RegionCode = r.RegionCode, DepartmentCode = d.Code, ItemCodes = codes, Status = status, RoutedOn = routed, DoneOn = done, Opinion = done is null ? null : AssignmentOpinion.Agree, Text = done is null ? null : "经核查符合条件，同意办理" });

        var submitted = Request(SubmittedId, ["housing"], ServiceRequestStatus.Submitted, today);
        Step(submitted, today, ServiceRequestAction.Submit, "提交：高技能领军人才住房保障（房租补贴、人才公寓）", person.Name);

        var started = Back(6);
        var inProgress = Request(InProgressId, ["housing", "schooling"], ServiceRequestStatus.InProgress, started);
        inProgress.AcceptedOn = started;
        Step(inProgress, started, ServiceRequestAction.Submit, "提交：住房保障、子女入学", person.Name);
        Step(inProgress, started, ServiceRequestAction.Accept, "材料齐全，予以受理", "深圳窗口周敏");
        Step(inProgress, started, ServiceRequestAction.Route, "分送住房城乡建设、教育办理", "深圳窗口周敏");
        Task(inProgress, Departments.Housing, "housing", AssignmentStatus.Pending, started);
        Task(inProgress, Departments.Education, "schooling", AssignmentStatus.InProgress, started);

        var paused = Back(12);
        var supplement = Request(SupplementId, ["settlement"], ServiceRequestStatus.Supplement, paused);
        supplement.AcceptedOn = paused;
        Step(supplement, paused, ServiceRequestAction.Submit, "提交：积分落户（放宽条件）", person.Name);
        Step(supplement, paused, ServiceRequestAction.Accept, "材料齐全，予以受理", "深圳窗口周敏");
        Step(supplement, paused, ServiceRequestAction.Route, "分送公安办理", "深圳窗口周敏");
        Step(supplement, Back(4), ServiceRequestAction.RequestSupplement, "请补正户口簿首页及本人页复印件", "深圳公安刘强", department: Departments.PublicSecurity.Code);
        Task(supplement, Departments.PublicSecurity, "settlement", AssignmentStatus.AwaitingSupplement, paused);

        var closedFiled = Back(20);
        var closed = Request(ClosedId, ["settling"], ServiceRequestStatus.Closed, closedFiled);
        closed.AcceptedOn = closedFiled;
        closed.ClosedOn = Back(12);
        closed.Outcome = ServiceOutcome.Granted;
        closed.OutcomeReason = "经人社部门核查符合条件，准予发放安家补贴";
        Step(closed, closedFiled, ServiceRequestAction.Submit, "提交：安家补贴申领", person.Name);
        Step(closed, closedFiled, ServiceRequestAction.Accept, "材料齐全，予以受理", "深圳窗口周敏");
        Step(closed, closedFiled, ServiceRequestAction.Route, "分送人力资源社会保障办理", "深圳窗口周敏");
        Step(closed, Back(12), ServiceRequestAction.Close, "经人社部门核查符合条件，准予发放安家补贴", "深圳窗口周敏", ServiceOutcome.Granted);
        Task(closed, Departments.Hrss, "settling", AssignmentStatus.Done, closedFiled, Back(13));

        await db.SaveChangesAsync(ct);
    }
}
