using System.Globalization;
using System.Security.Cryptography;
using Gongjiang.Web.Features.Registry.Contracts;
using Gongjiang.Web.Platform;
using Gongjiang.Web.Platform.Audit;
using Gongjiang.Web.Platform.Data;
using Gongjiang.Web.Platform.Imports;
using Microsoft.Extensions.Caching.Memory;

namespace Gongjiang.Web.Features.Skills;

/// <summary>What a batch issue did: the certificates issued, or the problems that stopped it (then nothing is stored).</summary>
/// <param name="Issued">The ids of the issued certificates, in file order; empty when refused.</param>
/// <param name="Problems">Every problem by row and column (Chinese); empty when issued.</param>
/// <param name="ReportToken">The key of the downloadable error report (kept for <see cref="CertificateBatch.ReportLifetime"/>); null when issued.</param>
public sealed record BatchIssueResult(IReadOnlyList<Guid> Issued, IReadOnlyList<ImportProblem> Problems, string? ReportToken)
{
    public bool Succeeded => Problems.Count == 0;
}

/// <summary>
/// 证书批量发放 (issue 14, Deliver 1): an evaluation body issues many certificates from one XLSX/CSV file read by the
/// shared import engine (ADR 0017). Every row goes through the same checks as a single issue
/// (<see cref="SkillsUseCases.IssueAsync"/>: holder in scope, licence, ladder, number rule, national uniqueness), in
/// file order inside one transaction — so a file may raise a person twice (中级工 then 高级工) — and all or nothing:
/// one bad row and no certificate is stored; the problems (row, column, value, reason) are kept for download for an hour.
/// </summary>
public static class CertificateBatch
{
    /// <summary>How long the error report of a refused batch stays downloadable (in the host's memory).</summary>
    public static readonly TimeSpan ReportLifetime = TimeSpan.FromHours(1);

    /// <summary>The largest batch (rows) one upload may carry.</summary>
    public const int MaxRows = 10_000;

    /// <summary>The file kind: one row per certificate; the body is chosen on upload.</summary>
    public static readonly ImportSchema Schema = new("证书批量发放",
    [
        new("idNumber", "公民身份号码", true, ["公民身份号码", "身份证号", "身份证号码", "证件号码"], "440306198509032427") { Type = ImportValueType.IdNumber },
        new("name", "姓名", false, ["姓名", "持证人", "持证人姓名"], "王秀英"),
        new("occupationCode", "职业（工种）编码", true, ["职业（工种）编码", "职业编码", "工种编码"], "6-18-02-04") { Type = ImportValueType.Code },
        new("level", "等级", true, ["等级", "技能等级", "职业技能等级"], "技师"),
        new("number", "证书编号", true, ["证书编号", "证书号", "证书号码"], "S000044030001262000001") { Type = ImportValueType.LongCode },
        new("issuedOn", "发证日期", true, ["发证日期", "颁证日期", "发证时间"], "2026-06-30") { Type = ImportValueType.Date },
    ]);

    private static readonly Dictionary<string, string> Headers = new(StringComparer.Ordinal)
    {
        ["personId"] = "公民身份号码",
        ["idNumber"] = "公民身份号码",
        ["bodyId"] = "评价机构",
        ["occupationCode"] = "职业（工种）编码",
        ["level"] = "等级",
        ["number"] = "证书编号",
        ["issuedOn"] = "发证日期",
    };

    /// <summary>Reads the file and issues every row, or none; audits the outcome either way.</summary>
    public static async Task<BatchIssueResult> IssueAsync(GongjiangDbContext db, ISkillCertificateRegistry registry, IMemoryCache cache,
        Stream file, string fileName, Guid? bodyId, TimeProvider clock, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(cache);
        var options = ImportReadOptions.Default with { MaxRows = MaxRows };
        var read = await TabularImport.ReadAsync(file, fileName, Schema, options, ct);
        var problems = read.Problems.ToList();
        if (bodyId is null)
        {
            problems.Insert(0, ImportProblem.OfFile("请选择评价机构"));
        }

        var issued = new List<Guid>();
        if (read.Succeeded && read.Rows.Count == 0)
        {
            problems.Add(ImportProblem.OfFile("文件中没有数据行"));
        }

        if (problems.Any(p => p.RowNumber is null))
        {
            return await RefuseAsync(db, cache, fileName, read.Rows.Count, problems, ct);
        }

        var today = ChinaTime.Today(clock);
        var numbers = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var row in read.Rows)
        {
            ct.ThrowIfCancellationRequested();
            if (read.HasProblems(row))
            {
                continue;
            }

            if (row["number"] is { } number && !numbers.TryAdd(number, row.RowNumber))
            {
                problems.Add(new ImportProblem(row.RowNumber, "证书编号", number, $"证书编号与第{numbers[number]}行重复") { IsDuplicate = true });
                continue;
            }

            var (personId, idError) = await registry.FindByIdNumberAsync(row["idNumber"], today, ct);
            if (idError is not null || personId is null)
            {
                problems.Add(new ImportProblem(row.RowNumber, "公民身份号码", row["idNumber"], idError ?? "持证人不存在或不在您的管辖范围内"));
                continue;
            }

            if (row["name"] is { } name && await registry.FindHolderAsync(personId.Value, ct) is { } holder
                && !string.Equals(holder.Name, name, StringComparison.Ordinal))
            {
                problems.Add(new ImportProblem(row.RowNumber, "姓名", name, "姓名与公民身份号码登记的人员不一致"));
                continue;
            }

            DateOnly? issuedOn = DateOnly.TryParseExact(row["issuedOn"], ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d", "yyyy.M.d", "yyyyMMdd"],
                CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
            if (issuedOn is null)
            {
                problems.Add(new ImportProblem(row.RowNumber, "发证日期", row["issuedOn"], "发证日期应为日期，如 2026-06-30"));
                continue;
            }

            var (id, errors) = await SkillsUseCases.IssueAsync(db, registry,
                new IssueInput(personId, bodyId, row["number"], row["occupationCode"], row["level"], issuedOn), clock, ct);
            if (id is { } issuedId)
            {
                issued.Add(issuedId);
                continue;
            }

            foreach (var (field, messages) in errors.All)
            {
                var header = Headers.GetValueOrDefault(field, field);
                var value = field switch
                {
                    "personId" or "idNumber" => row["idNumber"],
                    "bodyId" => null,
                    _ => row[field],
                };
                problems.AddRange(messages.Select(m => new ImportProblem(row.RowNumber, header, value, m)));
            }
        }

        if (problems.Count > 0)
        {
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return await RefuseAsync(db, cache, fileName, read.Rows.Count, [.. problems.OrderBy(p => p.RowNumber ?? 0)], ct);
        }

        db.Audit(new AuditEvent(AuditActions.Create, "CertificateBatch", bodyId.ToString(), AuditOutcomes.Succeeded,
            $"证书批量发放：文件 {fileName}，共{read.Rows.Count}行，颁发{issued.Count}本"));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new BatchIssueResult(issued, [], null);
    }

    /// <summary>The problems of a refused batch, for the actor who uploaded it; null when expired or another actor's.</summary>
    public static IReadOnlyList<ImportProblem>? Report(IMemoryCache cache, GongjiangDbContext db, string? token) =>
        token is { Length: > 0 } && cache.TryGetValue(Key(db, token), out IReadOnlyList<ImportProblem>? problems) ? problems : null;

    private static async Task<BatchIssueResult> RefuseAsync(GongjiangDbContext db, IMemoryCache cache, string fileName, int rows,
        List<ImportProblem> problems, CancellationToken ct)
    {
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        cache.Set(Key(db, token), (IReadOnlyList<ImportProblem>)problems, ReportLifetime);
        var rowsWithProblems = problems.Where(p => p.RowNumber is not null).Select(p => p.RowNumber).Distinct().Count();
        db.Audit(new AuditEvent(AuditActions.Create, "CertificateBatch", null, AuditOutcomes.Failed,
            $"证书批量发放被拒绝，未颁发任何证书：文件 {fileName}，共{rows}行，{rowsWithProblems}行有错误" +
            (problems.FirstOrDefault(p => p.RowNumber is null) is { } file ? "；" + file.Message : "")));
        await db.SaveChangesAsync(ct);
        return new BatchIssueResult([], problems, token);
    }

    private static string Key(GongjiangDbContext db, string token) => $"skills:batch:{db.Actor.UserId}:{token}";
}
