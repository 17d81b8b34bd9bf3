using Gongjiang.DataGen;
using Gongjiang.Web.Features.Registry.Data;
using Gongjiang.Web.Features.Registry.Imports;
using Gongjiang.Web.Features.Registry.Persons;
using Gongjiang.Web.Features.Registry.Protection;
using Gongjiang.Web.Platform.Api;
using Gongjiang.Web.Platform.Data;
using Gongjiang.Web.Platform.Identity;
using Gongjiang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjiang.Web.Tests.Registry;

/// <summary>
/// 姓名包含: on PostgreSQL 1 and 2 characters go through the gram index (migration NameGrams), 3 and more through the
/// trigram index; on SQLite through LIKE. Either way the answer is exactly that of LIKE '%q%'.
/// </summary>
public abstract class NameSearchTests(DatabaseProvider provider)
{
    [Fact]
    public async Task Short_and_long_name_searches_find_exactly_what_like_finds()
    {
        using var app = new TestApp(provider);
        using (var file = new MemoryStream())
        {
            CsvWriter.Write(file, RecordKind.Roster, new RosterGenerator(seed: 21, provinceCode: "44", badRowShare: 0).Persons(1_500), TextEncodings.Utf8WithBom);
            using var scope = app.Services.CreateScope();
            scope.ServiceProvider.GetRequiredService<HttpCurrentActor>().Use(Actor.System("test"));
            file.Position = 0;
            await scope.ServiceProvider.GetRequiredService<ImportService>().RunAsync(file, "名册.csv", ImportKind.Roster, null, CancellationToken.None);
        }

        await using var db = app.CreateContext(Actor.System("test"));
        var names = await db.Set<Person>().Select(p => p.Name).Take(40).ToListAsync();
        var queries = names.SelectMany(n => new[] { n[..1], n[^1..], n.Length >= 2 ? n[..2] : n, n.Length >= 3 ? n[..3] : n, n })
            .Concat(["%", "_", "\\", "𠀀", "Ｘ", "·", "无此人名"]).Distinct().ToList();
        var protector = app.Services.GetRequiredService<IdNumberProtector>();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        foreach (var q in queries)
        {
            var (page, _) = await PersonUseCases.SearchAsync(db, protector, new PersonSearch { Q = q }, new PageRequest(1, 100), today, CancellationToken.None);
            var expected = await db.Set<Person>().Where(p => p.Name.Contains(q)).OrderBy(p => p.Name).ThenBy(p => p.Id).Select(p => p.Id).Take(100).ToListAsync();
            var total = await db.Set<Person>().CountAsync(p => p.Name.Contains(q));

            Assert.True(page is not null, q);
            Assert.Equal(Math.Min(total, PersonUseCases.CountCap), page.Total);
            Assert.Equal(expected, page.Items.Select(i => i.Id).ToList());
        }
    }

}

public sealed class NameSearchTestsOnPostgres() : NameSearchTests(DatabaseProvider.Postgres);

public sealed class NameSearchTestsOnSqlite() : NameSearchTests(DatabaseProvider.Sqlite);

/// <summary>The gram function behind PostgreSQL's 1- and 2-character name search (migration NameGrams).</summary>
public sealed class NameGramFunctionTests
{
    [Fact]
    public async Task The_tail_gram_function_lists_the_one_and_two_character_substrings_after_the_first_character()
    {
        using var app = new TestApp();
        await using var db = app.CreateContext(Actor.System("test"));

        var grams = await db.Database.SqlQuery<string[]>($"SELECT gj_name_tail_grams('欧阳修·𠀀') AS \"Value\"").SingleAsync();

        Assert.Equal(new[] { "阳", "修", "·", "𠀀", "阳修", "修·", "·𠀀" }.Order(StringComparer.Ordinal), grams.Order(StringComparer.Ordinal));
        Assert.NotNull(NameGrams.Sql("𠀀𠀀"));
        Assert.Null(NameGrams.Sql("欧阳修"));
    }
}
