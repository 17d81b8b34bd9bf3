using System.Text;
using Gongjiang.Core.Access;
using Gongjiang.DataGen;
using Gongjiang.Web.Features.Registry.Data;
using Gongjiang.Web.Features.Registry.Imports;
using Gongjiang.Web.Features.Registry.Protection;
using Gongjiang.Web.Platform.Access;
using Gongjiang.Web.Platform.Audit;
using Gongjiang.Web.Platform.Identity;
using Gongjiang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Gongjiang.Web.Tests.Registry;

/// <summary>
/// The PostgreSQL fast path of imports (binary COPY behind <c>IRegistryWriter</c>) against the portable Entity Framework
/// path: the same files give the same registry, re-importing changes nothing, a failure part-way leaves nothing, and
/// rows outside the importer's jurisdiction are refused.
/// </summary>
public sealed class ImportFastPathTests
{
    private static readonly Actor Province = new("t-gd", "gdclerk", "广东省窗口", Roles.Clerk, Jurisdiction.Parse("440000").Value, null, null, null);

    [Fact]
    public async Task Copy_path_stores_exactly_what_the_entity_framework_path_stores()
    {
        var first = RosterGenerator(seed: 7).Persons(1_200).ToList();
        var second = Changed(first, RosterGenerator(seed: 8).Persons(300).Where(p => !p.IsDeliberatelyBad));
        using var copyApp = new TestApp();
        using var efApp = new TestApp();

        var copy = new List<ImportSummary> { await ImportAsync(copyApp, Csv(first)), await ImportAsync(copyApp, Csv(second)) };
        var ef = new List<ImportSummary> { await ImportAsync(efApp, Csv(first), portable: true), await ImportAsync(efApp, Csv(second), portable: true) };

        Assert.Equal(ef.Select(Counts), copy.Select(Counts));
        Assert.Equal(ef.SelectMany(s => s.Errors), copy.SelectMany(s => s.Errors));
        Assert.True(copy[1].Accepted > copy[1].Unchanged, "the second file changes some persons");
        Assert.Equal(await RegistryAsync(efApp), await RegistryAsync(copyApp));
        Assert.Equal(await ImportRecordsAsync(efApp), await ImportRecordsAsync(copyApp));
    }

    [Fact]
    public async Task Reimporting_a_file_on_the_copy_path_changes_nothing_and_audits_only_the_import()
    {
        var file = Csv(RosterGenerator(seed: 9).Persons(800).ToList());
        using var app = new TestApp();
        var first = await ImportAsync(app, file);
        var before = await RegistryAsync(app);
        var auditBefore = await AuditCountAsync(app);

        var again = await ImportAsync(app, file);

        Assert.Equal(first.Accepted, again.Accepted);
        Assert.Equal(again.Accepted, again.Unchanged);
        Assert.Equal(before, await RegistryAsync(app));
        Assert.Equal(auditBefore + 4, await AuditCountAsync(app)); // the import record (before/after), the import event, and the two named cross-jurisdiction reads (ID numbers registered elsewhere, employers by credit code)
    }

    [Fact]
    public async Task A_failure_part_way_through_leaves_nothing_behind()
    {
        // Row 11,001 fails inside the database, after two batches were already written by COPY.
        var persons = RosterGenerator(seed: 10, badRowShare: 0).Persons(12_000).ToList();
        persons[11_000] = persons[11_000] with { Occupation = "故障注入工" };
        using var app = new TestApp();
        var before = await RegistryAsync(app);
        await using (var connection = new NpgsqlConnection(app.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("""
                CREATE FUNCTION test_fail() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN IF NEW."Occupation" = '故障注入工' THEN RAISE EXCEPTION 'injected failure'; END IF; RETURN NEW; END $$;
                CREATE TRIGGER test_fail BEFORE INSERT ON registry.employments FOR EACH ROW EXECUTE FUNCTION test_fail();
                """, connection);
            await command.ExecuteNonQueryAsync();
        }

        var importsBefore = await ImportRecordsAsync(app);
        var auditBefore = await AuditCountAsync(app);

        var failure = await Assert.ThrowsAsync<PostgresException>(() => ImportAsync(app, Csv(persons)));

        Assert.Contains("injected failure", failure.MessageText, StringComparison.Ordinal);
        Assert.Equal(before, await RegistryAsync(app));

        // The import itself is on record (it was recorded as running when it began), as failed, with nothing applied.
        var importsAfter = await ImportRecordsAsync(app);
        Assert.StartsWith(importsBefore, importsAfter, StringComparison.Ordinal);
        Assert.EndsWith("|0|0|0|0|0|导入时发生系统错误，未作任何更改，请稍后重新导入\n", importsAfter, StringComparison.Ordinal);
        Assert.Equal(auditBefore + 2, await AuditCountAsync(app)); // the record's status (before/after) and the failure event
    }

    [Fact]
    public async Task Rows_outside_the_jurisdiction_are_refused_and_persons_registered_elsewhere_are_left_alone()
    {
        using var app = new TestApp();
        var guangzhou = RosterGenerator(seed: 11, badRowShare: 0).Persons(40).Select(p => InRegion(p, "440106")).ToList();
        var shenzhen = RosterGenerator(seed: 12, badRowShare: 0).Persons(40).Select(p => InRegion(p, "440305")).ToList();
        var guangzhouClerk = new Actor("t-gz", "gzclerk", "广州市窗口", Roles.Clerk, Jurisdiction.Parse("440100").Value, null, null, null);
        var shenzhenClerk = new Actor("t-sz", "szclerk", "深圳市窗口", Roles.Clerk, Jurisdiction.Parse("440300").Value, null, null, null);
        var registered = await ImportAsync(app, Csv(guangzhou), actor: guangzhouClerk);
        Assert.True(40 == registered.Accepted, string.Join("\n", registered.Errors));
        var before = await RegistryAsync(app);

        // Shenzhen's file: its own 40, Guangzhou's 40 as they are (other region) and as if moved to Shenzhen.
        var summary = await ImportAsync(app, Csv([.. shenzhen, .. guangzhou, .. guangzhou.Select(p => InRegion(p, "440305"))]), actor: shenzhenClerk);

        Assert.Equal(40, summary.Accepted);
        Assert.Equal(80, summary.Rejected);
        Assert.Equal(40, summary.Errors.Count(e => e.Message.StartsWith("所在地区“广东省广州市", StringComparison.Ordinal) && e.Message.Contains("不在您的管辖范围", StringComparison.Ordinal)));
        Assert.Equal(40, summary.Errors.Count(e => e.Message == ImportService.NeutralRefusal)); // registered elsewhere: not told where (issue 9)
        var after = await RegistryAsync(app);
        Assert.All(before.Split('\n').Where(l => l.StartsWith("P|", StringComparison.Ordinal)), line => Assert.Contains(line, after, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_copy_writer_refuses_a_row_outside_the_scope_as_saving_would()
    {
        using var app = new TestApp();
        await using var db = app.CreateContext(new Actor("t-sz", "szclerk", "深圳市窗口", Roles.Clerk, Jurisdiction.Parse("440300").Value, null, null, null));
        var writer = new PostgresRegistryWriter(db);

        Assert.Throws<ScopeViolationException>(() => writer.Add(new Enterprise { CreditCode = "x", Name = "广州某公司", RegionCode = "440106" }));
        Assert.Throws<ScopeViolationException>(() => writer.Add(new Employment { RegionCode = "440106", Occupation = "车工" }));
        writer.Add(new Enterprise { CreditCode = "y", Name = "深圳某公司", RegionCode = "440305" });
    }

    private static RosterGenerator RosterGenerator(int seed, double badRowShare = 0.05) => new(seed, provinceCode: "44", badRowShare: badRowShare);

    private static RosterRecord InRegion(RosterRecord p, string region) => p with { RegionCode = region };

    /// <summary>A later roster: new occupations, mobiles, enterprise names and certificates for some, and new persons.</summary>
    private static List<RosterRecord> Changed(List<RosterRecord> first, IEnumerable<RosterRecord> newcomers)
    {
        var changed = new List<RosterRecord>();
        var good = first.Where(p => !p.IsDeliberatelyBad).DistinctBy(p => p.IdNumber).ToList();
        for (var i = 0; i < good.Count; i++)
        {
            var p = good[i];
            changed.Add((i % 5) switch
            {
                0 => p with { Occupation = p.Occupation + "（调岗）", OccupationCode = "", EmploymentStart = "2025-03-01" },
                1 => p with { Mobile = "139" + (10000000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture) },
                2 => p with { EnterpriseName = p.EnterpriseName + "（更名）" },
                3 => p with { SkillLevel = "高级技师", CertificateNumber = "NEW" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), CertificateDate = "2025-06-30" },
                _ => p,
            });
        }

        changed.AddRange(newcomers);
        return changed;
    }

    private static byte[] Csv(IEnumerable<RosterRecord> persons)
    {
        using var file = new MemoryStream();
        CsvWriter.Write(file, RecordKind.Roster, persons, TextEncodings.Utf8WithBom);
        return file.ToArray();
    }

    private static async Task<ImportSummary> ImportAsync(TestApp app, byte[] file, bool portable = false, Actor? actor = null)
    {
        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<HttpCurrentActor>().Use(actor ?? Province);
        var service = scope.ServiceProvider.GetRequiredService<ImportService>();
        service.PortableWriter = portable;
        return await service.RunAsync(new MemoryStream(file), "名册.csv", ImportKind.Roster, null, CancellationToken.None);
    }

    private static (int, int, int, int) Counts(ImportSummary s) => (s.Accepted, s.Rejected, s.Duplicates, s.Unchanged);

    /// <summary>Every person, enterprise, employment and certificate, by natural keys (ids and clock times left out).</summary>
    private static async Task<string> RegistryAsync(TestApp app)
    {
        await using var db = app.CreateContext(Actor.System("test"));
        var protector = app.Services.GetRequiredService<IdNumberProtector>();
        var enterpriseRows = await db.Set<Enterprise>().AsNoTracking().ToListAsync();
        var enterprises = enterpriseRows.ToDictionary(e => e.Id, e => e.CreditCode);
        var persons = await db.Set<Person>().AsNoTracking().ToListAsync();
        var hashes = persons.ToDictionary(p => p.Id, p => p.IdNumberHash);
        var lines = new List<string>();
        lines.AddRange(enterpriseRows.Select(e => $"E|{e.CreditCode}|{e.Name}|{e.OwnershipType}|{e.Industry}|{e.RegionCode}"));
        lines.AddRange(persons.Select(p =>
            $"P|{p.IdNumberHash}|{protector.Unprotect(p.IdNumberCipher)}|{p.IdNumberMasked}|{p.Name}|{p.Sex}|{p.BirthDate}|{p.RegionCode}|" +
            $"{(p.EnterpriseId is { } e ? enterprises[e] : "")}|{p.Mobile}|{p.Occupation}|{p.HighestSkillLevel}|{p.Frontline}|{p.IsLeadingTalent}|" +
            $"{p.BasesSummary}|{p.Status}|{p.LastImportId is not null}|{p.UpdatedAt >= p.CreatedAt}"));
        lines.AddRange((await db.Set<Employment>().AsNoTracking().ToListAsync()).Select(e =>
            $"J|{hashes[e.PersonId]}|{enterprises[e.EmployerId]}|{e.Occupation}|{e.OccupationCode}|{e.Post}|{e.Frontline}|{e.StartDate}|{e.EndDate}|" +
            $"{e.RegionCode}|{(e.EnterpriseId is { } x ? enterprises[x] : "")}|{e.ImportId is not null}"));
        lines.AddRange((await db.Set<SkillCertificate>().AsNoTracking().ToListAsync()).Select(c =>
            $"C|{hashes[c.PersonId]}|{c.Level}|{c.Occupation}|{c.CertificateNumber}|{c.Issuer}|{c.IssuedOn}|{c.RegionCode}|" +
            $"{(c.EnterpriseId is { } x ? enterprises[x] : "")}|{c.ImportId is not null}"));
        lines.Sort(StringComparer.Ordinal);
        return string.Join('\n', lines);
    }

    /// <summary>The imports' stored records (counts, file hash) and their error rows.</summary>
    private static async Task<string> ImportRecordsAsync(TestApp app)
    {
        await using var db = app.CreateContext(Actor.System("test"));
        var imports = await db.Set<RegistryImport>().AsNoTracking().OrderBy(i => i.CreatedAt).ToListAsync();
        var text = new StringBuilder();
        foreach (var i in imports)
        {
            text.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"{i.FileSha256}|{i.Format}|{i.Encoding}|{i.TotalRows}|{i.Accepted}|{i.Rejected}|{i.Duplicates}|{i.Unchanged}|{i.FileError}");
            foreach (var e in await db.Set<ImportError>().AsNoTracking().Where(e => e.ImportId == i.Id).OrderBy(e => e.Row).ThenBy(e => e.Id).ToListAsync())
            {
                text.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"  {e.Row}|{e.Column}|{e.Value}|{e.Message}|{e.IsDuplicate}");
            }
        }

        return text.ToString();
    }

    private static async Task<int> AuditCountAsync(TestApp app)
    {
        await using var db = app.CreateContext(Actor.System("test"));
        return await db.Set<AuditEntry>().CountAsync();
    }
}
