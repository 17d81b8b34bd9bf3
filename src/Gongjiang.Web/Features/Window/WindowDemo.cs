using System.Security.Cryptography;
using Gongjiang.Core.Calendar;
using Gongjiang.Core.Reference;
using Gongjiang.Core.Window;
using Gongjiang.Web.Features.Registry.Contracts;
using Gongjiang.Web.Features.Window.Catalogue;
using Gongjiang.Web.Features.Window.Data;
using Gongjiang.Web.Features.Window.Requests;
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
            await SeedMaterialsAsync(seed, ct);
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
        await SeedMaterialsAsync(seed, ct);
    }

    /// <summary>
    /// The required materials of every demo request that is already accepted (受理 needs them all), each a one-page PDF
    /// kept under its SHA-256 in the materials folder as an upload would be. The submitted request keeps none, so the
    /// walkthrough shows the clerk's refusal naming them until the worker uploads them. Idempotent (also for a database
    /// seeded before materials were required).
    /// </summary>
    private static async Task SeedMaterialsAsync(DemoSeed seed, CancellationToken ct)
    {
        var db = seed.Db;
        var accepted = await db.Set<ServiceRequest>().Where(r => (r.Id == InProgressId || r.Id == SupplementId || r.Id == ClosedId) && r.AcceptedOn != null).ToListAsync(ct);
        var held = await db.Set<RequestMaterial>().Where(m => m.RequestId == InProgressId || m.RequestId == SupplementId || m.RequestId == ClosedId)
            .Select(m => new { m.RequestId, m.MaterialCode }).ToListAsync(ct);
        var folder = new MaterialStore(db, seed.Settings, seed.Configuration, seed.Clock).Folder;
        foreach (var request in accepted)
        {
            foreach (var material in MaterialStore.RequiredFor(request).Where(m => !held.Any(h => h.RequestId == request.Id && h.MaterialCode == m.Code)))
            {
                var content = DemoPdf(material.Code);
                var sha = Convert.ToHexStringLower(SHA256.HashData(content));
                Directory.CreateDirectory(folder);
                var path = Path.Combine(folder, sha);
                if (!File.Exists(path))
                {
                    await File.WriteAllBytesAsync(path, content, ct);
                }

                db.Add(new RequestMaterial
                {
                    RequestId = request.Id,
                    RegionCode = request.RegionCode,
                    PersonId = request.PersonId,
                    EnterpriseId = request.EnterpriseId,
                    MaterialCode = material.Code,
                    FileName = material.Name + ".pdf",
                    Type = MaterialFileType.Pdf,
                    Length = content.Length,
                    Sha256 = sha,
                    UploadedBy = "worker",
                    UploadedAt = request.CreatedAt,
                });
            }
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>A valid one-page blank PDF whose title is the material's code (so each material has its own file).</summary>
    internal static byte[] DemoPdf(string title)
    {
        var objects = new[]
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
            $"<< /Title ({title}) >>",
        };
        var text = new System.Text.StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(text.Length);
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = text.Length;
        text.Append(System.Globalization.CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        text.Append(System.Globalization.CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R /Info 4 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return System.Text.Encoding.ASCII.GetBytes(text.ToString());
    }
}
