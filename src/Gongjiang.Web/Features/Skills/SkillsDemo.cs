using Gongjiang.Core.Access;
using Gongjiang.Web.Features.Registry.Contracts;
using Gongjiang.Web.Features.Skills.Data;
using Gongjiang.Web.Platform.Data;
using Gongjiang.Web.Platform.Demo;
using Gongjiang.Web.Platform.Identity;
using Gongjiang.Web.Platform.Modules;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Web.Features.Skills;

/// <summary>
/// Demo mode: a 深圳 evaluation body licensed for 钳工 五级 to 一级, and certificates issued by it through the same use
/// case the clerk uses (李建华 中级工 2015, 高级工 2018, 技师 2021; 王秀英 中级工 2020 then 高级工 2024), so the certificate list, the
/// public verification and the worker's next level have something to show. The occupation code is illustrative.
/// </summary>
internal static class SkillsDemo
{
    public const string BodyName = "深圳市智能制造职业技能等级认定中心";

    public const string OccupationCode = "6-18-02-04";

    /// <summary>李建华's 技师 certificate (the number the public verification walkthrough uses).</summary>
    public const string WorkerTechnicianNumber = "S000044030001212000001";

    public static async Task SeedAsync(DemoSeed seed, CancellationToken ct)
    {
        if (await seed.Db.Set<EvaluationBodyRecord>().AnyAsync(ct))
        {
            return;
        }

        using var scope = seed.Services.CreateScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByNameAsync("clerk");
        if (user is null)
        {
            return;
        }

        scope.ServiceProvider.GetRequiredService<HttpCurrentActor>().Use(new Actor(user.Id, user.UserName!, user.DisplayName, user.Role,
            Jurisdiction.Parse(user.RegionCode).GetValueOrThrow(), null, null, null));
        var db = scope.ServiceProvider.GetRequiredService<GongjiangDbContext>();
        var registry = scope.ServiceProvider.GetRequiredService<ISkillCertificateRegistry>();
        var (bodyId, errors) = await SkillsUseCases.CreateBodyAsync(db, new BodyInput(BodyName, "社会培训评价组织", "000044030001", "440300",
            [new LicenceInput(OccupationCode, "钳工", "五级", "一级", new DateOnly(2015, 1, 1))]), seed.Clock, ct);
        if (bodyId is null)
        {
            throw new InvalidOperationException("演示评价机构创建失败：" + string.Join("；", errors.All.Values.SelectMany(v => v)));
        }

        (Guid Person, string Number, string Level, DateOnly On)[] certificates =
        [
            (DemoData.WorkerPersonId, "S000044030001154000004", "中级工", new DateOnly(2015, 6, 18)),
            (DemoData.WorkerPersonId, "S000044030001183000001", "高级工", new DateOnly(2018, 6, 20)),
            (DemoData.WorkerPersonId, WorkerTechnicianNumber, "技师", new DateOnly(2021, 7, 15)),
            (DemoData.ShenzhenColleagueId, "S000044030001204000002", "中级工", new DateOnly(2020, 9, 10)),
            (DemoData.ShenzhenColleagueId, "S000044030001243000003", "高级工", new DateOnly(2024, 11, 5)),
        ];
        foreach (var (person, number, level, on) in certificates)
        {
            var (id, issueErrors) = await SkillsUseCases.IssueAsync(db, registry, new IssueInput(person, bodyId, number, OccupationCode, level, on), seed.Clock, ct);
            if (id is null)
            {
                throw new InvalidOperationException("演示证书颁发失败：" + string.Join("；", issueErrors.All.Values.SelectMany(v => v)));
            }
        }
    }
}
