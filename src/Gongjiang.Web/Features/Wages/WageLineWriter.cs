using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Gongjiang.Web.Features.Wages.Data;
using Gongjiang.Web.Platform.Access;
using Gongjiang.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Gongjiang.Web.Features.Wages;

/// <summary>
/// Writes a wage report's lines in bulk, inside the caller's transaction (the report header is saved in the same one, so
/// the report is all or nothing). On PostgreSQL the lines go by binary COPY; elsewhere (SQLite) through the context with
/// change detection off. The lines are not audited one by one: the report's one audit event (row count and checksum,
/// <see cref="Checksum"/>) is their audit record, as the registry import's record is for its rows (ADR 0004).
/// Every line is checked against the actor's scope, as SaveChanges would.
/// </summary>
internal static class WageLineWriter
{
    private static readonly string[] Columns =
    [
        "Id", "ReportId", "RowNumber", "EnterpriseId", "RegionCode", "Year", "IsCurrent", "PersonKey", "IdNumberMasked", "PersonId", "PersonName",
        "Category", "Tier", "Frontline", "OccupationCode", "SkillLevel", "MonthsWorked", "TotalPayFen", "BasicPayFen", "PerformancePayFen",
        "AllowancesFen", "SpecialPostAllowanceFen", "MentorAllowanceFen", "SeniorityPayFen", "ServiceStart", "SpecialPostMonths", "Apprentices",
    ];

    public static async Task WriteAsync(GongjiangDbContext db, IReadOnlyList<WageReportLine> lines, CancellationToken ct)
    {
        foreach (var line in lines)
        {
            if (ScopeRules.TryCheck(line, db.Scope, out var inScope) && !inScope)
            {
                throw new ScopeViolationException(nameof(WageReportLine), null);
            }
        }

        if (!db.Database.IsNpgsql())
        {
            var detect = db.ChangeTracker.AutoDetectChangesEnabled;
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            try
            {
                db.AddRange(lines);
                await db.SaveChangesAsync(ct);
            }
            finally
            {
                db.ChangeTracker.AutoDetectChangesEnabled = detect;
            }

            return;
        }

        var entity = db.Model.FindEntityType(typeof(WageReportLine))!;
        var table = entity.GetSchema() is { } schema ? $"\"{schema}\".\"{entity.GetTableName()}\"" : $"\"{entity.GetTableName()}\"";
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var writer = await connection.BeginBinaryImportAsync(
            $"COPY {table} ({string.Join(", ", Columns.Select(c => "\"" + c + "\""))}) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var l in lines)
        {
            ct.ThrowIfCancellationRequested();
            writer.StartRow();
            writer.Write(l.Id, NpgsqlDbType.Uuid);
            writer.Write(l.ReportId, NpgsqlDbType.Uuid);
            writer.Write(l.RowNumber, NpgsqlDbType.Integer);
            writer.Write(l.EnterpriseId, NpgsqlDbType.Uuid);
            writer.Write(l.RegionCode, NpgsqlDbType.Varchar);
            writer.Write(l.Year, NpgsqlDbType.Integer);
            writer.Write(l.IsCurrent, NpgsqlDbType.Boolean);
            writer.Write(l.PersonKey, NpgsqlDbType.Varchar);
            writer.Write(l.IdNumberMasked, NpgsqlDbType.Varchar);
            Nullable(writer, l.PersonId, NpgsqlDbType.Uuid);
            NullableText(writer, l.PersonName);
            writer.Write((int)l.Category, NpgsqlDbType.Integer);
            Nullable(writer, l.Tier is { } t ? (int)t : (int?)null, NpgsqlDbType.Integer);
            Nullable(writer, l.Frontline, NpgsqlDbType.Boolean);
            NullableText(writer, l.OccupationCode);
            Nullable(writer, l.SkillLevel is { } s ? (int)s : (int?)null, NpgsqlDbType.Integer);
            writer.Write(l.MonthsWorked, NpgsqlDbType.Integer);
            writer.Write(l.TotalPayFen, NpgsqlDbType.Bigint);
            writer.Write(l.BasicPayFen, NpgsqlDbType.Bigint);
            writer.Write(l.PerformancePayFen, NpgsqlDbType.Bigint);
            writer.Write(l.AllowancesFen, NpgsqlDbType.Bigint);
            writer.Write(l.SpecialPostAllowanceFen, NpgsqlDbType.Bigint);
            writer.Write(l.MentorAllowanceFen, NpgsqlDbType.Bigint);
            writer.Write(l.SeniorityPayFen, NpgsqlDbType.Bigint);
            Nullable(writer, l.ServiceStart, NpgsqlDbType.Date);
            Nullable(writer, l.SpecialPostMonths, NpgsqlDbType.Integer);
            Nullable(writer, l.Apprentices, NpgsqlDbType.Integer);
        }

        await writer.CompleteAsync(ct);
    }

    /// <summary>SHA-256 (hex) over every line's person key and amounts in row order: what the audit event vouches for.</summary>
    public static string Checksum(IEnumerable<WageReportLine> lines)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var l in lines)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
                $"{l.RowNumber}|{l.PersonKey}|{(int)l.Category}|{l.OccupationCode}|{l.SkillLevel}|{l.MonthsWorked}|{l.TotalPayFen}|{l.BasicPayFen}|{l.PerformancePayFen}|{l.AllowancesFen}|{l.SpecialPostAllowanceFen}|{l.MentorAllowanceFen}|{l.SeniorityPayFen}|{l.ServiceStart:yyyy-MM-dd}|{l.SpecialPostMonths}|{l.Apprentices}\n")));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static void Nullable<T>(NpgsqlBinaryImporter writer, T? value, NpgsqlDbType type)
        where T : struct
    {
        if (value is { } v)
        {
            writer.Write(v, type);
        }
        else
        {
            writer.WriteNull();
        }
    }

    private static void NullableText(NpgsqlBinaryImporter writer, string? value)
    {
        if (value is null)
        {
            writer.WriteNull();
        }
        else
        {
            writer.Write(value, NpgsqlDbType.Varchar);
        }
    }
}
