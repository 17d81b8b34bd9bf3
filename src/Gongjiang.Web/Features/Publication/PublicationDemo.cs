using Gongjiang.Core.Access;
using Gongjiang.Core.Publication;
using Gongjiang.Web.Features.Registry.Lifecycle;
using Gongjiang.Web.Platform.Api;
using Gongjiang.Web.Platform.Data;
using Gongjiang.Web.Platform.Demo;
using Gongjiang.Web.Platform.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Web.Features.Publication;

/// <summary>
/// Demo mode: the 深圳 demo talents listed and last quarter's 深圳 list published, through the same use cases a clerk
/// uses (提名 → 核实 → 入库 40 days ago, 编制 and 公示 30 days ago by <c>clerk</c>, 复核 today by <c>reviewer</c>), so
/// the public list, the change lists and the department feed have something to show. Off with
/// <c>Demo:Publications=false</c> (the tests, which build their own).
/// </summary>
internal static class PublicationDemo
{
    public static async Task SeedAsync(IServiceProvider services, TimeProvider clock, CancellationToken ct)
    {
        using (var check = services.CreateScope())
        {
            check.ServiceProvider.GetRequiredService<HttpCurrentActor>().Use(Actor.System("演示数据"));
            var db = check.ServiceProvider.GetRequiredService<GongjiangDbContext>();
            if (await db.Set<Data.Publication>().AnyAsync(ct))
            {
                return;
            }
        }

        var clerk = await ActorAsync(services, "clerk");
        var reviewer = await ActorAsync(services, "reviewer");
        var listedAt = new ShiftedClock(clock, TimeSpan.FromDays(-40));
        var preparedAt = new ShiftedClock(clock, TimeSpan.FromDays(-30));

        await AsAsync(services, clerk, async db =>
        {
            foreach (var person in new[] { DemoData.WorkerPersonId, DemoData.ShenzhenMetroPersonId })
            {
                foreach (var action in new[] { "Nominate", "Verify", "List" })
                {
                    var errors = await LifecycleUseCases.ApplyAsync(db, person, new LifecycleRequest { Action = action, Note = "演示：依据荣誉证书核实" }, confirmed: false, listedAt, ct);
                    if (errors is not { IsEmpty: true })
                    {
                        return;
                    }
                }
            }

            // Last quarter's list, so that the current quarter is free for a visitor to prepare.
            var period = PublicationPeriod.Containing(Gongjiang.Web.Platform.ChinaTime.Today(clock), PublicationFrequency.Quarterly).Previous();
            var (id, _) = await PublicationUseCases.PrepareAsync(db, period.Key, preparedAt, ct);
            if (id is not null)
            {
                await PublicationUseCases.StartNoticeAsync(db, id.Value, new PublicationOptions(), Confirmation.Api("演示：名单已核对，按季度公示"), preparedAt, ct);
                await AsAsync(services, reviewer, approver => PublicationUseCases.ApproveAsync(approver, id.Value, clock, ct));
            }
        });
    }

    private static async Task<Actor> ActorAsync(IServiceProvider services, string userName)
    {
        using var scope = services.CreateScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByNameAsync(userName)
            ?? throw new InvalidOperationException("演示账户不存在：" + userName);
        return new Actor(user.Id, user.UserName!, user.DisplayName, user.Role, Jurisdiction.Parse(user.RegionCode).GetValueOrThrow(), null, null, null);
    }

    private static async Task AsAsync(IServiceProvider services, Actor actor, Func<GongjiangDbContext, Task> work)
    {
        using var scope = services.CreateScope();
        scope.ServiceProvider.GetRequiredService<HttpCurrentActor>().Use(actor);
        await work(scope.ServiceProvider.GetRequiredService<GongjiangDbContext>());
    }

    private sealed class ShiftedClock(TimeProvider inner, TimeSpan shift) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => inner.GetUtcNow() + shift;
    }
}
