using Gongjiang.Core.Registry;
using Gongjiang.Web.Features.Registry.Data;
using Gongjiang.Web.Platform.Demo;
using Gongjiang.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Web.Tests.Infrastructure;

/// <summary>
/// The demo persons who meet the definition of 《意见》三（一） (李建华, 陈志强, 张伟) put in the database (已入库) directly,
/// for tests of what counts listed talents; the lifecycle itself is tested through its use cases and pages.
/// </summary>
public static class DemoTalents
{
    public static readonly Guid[] Qualifying = [DemoData.WorkerPersonId, DemoData.ShenzhenMetroPersonId, DemoData.GuangzhouPersonId];

    public static async Task ListAsync(TestApp app, params Guid[] persons)
    {
        await using var db = app.CreateContext(Actor.System("test"));
        var ids = persons.Length == 0 ? Qualifying : persons;
        foreach (var person in await db.Set<Person>().Where(p => ids.Contains(p.Id)).ToListAsync())
        {
            person.Status = TalentStatus.Listed;
        }

        await db.SaveChangesAsync();
    }
}
