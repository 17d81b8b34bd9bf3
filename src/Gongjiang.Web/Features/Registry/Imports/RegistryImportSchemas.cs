using Gongjiang.Web.Platform.Imports;

namespace Gongjiang.Web.Features.Registry.Imports;

/// <summary>
/// The registry's kinds of import file as schemas of the shared import engine (<see cref="TabularImport"/>, ADR 0017):
/// 人员名册 and 荣誉名单. A file uploaded as one kind that has all the required columns of the other is answered with
/// "该文件看起来是…".
/// </summary>
public static class RegistryImportSchemas
{
    /// <summary>人员名册: persons, their employer, occupation, skill certificate.</summary>
    public static readonly ImportSchema Roster = new(
        "人员名册",
        [
            ImportColumns.Name, ImportColumns.IdNumber, ImportColumns.Mobile, ImportColumns.EnterpriseName, ImportColumns.CreditCode,
            ImportColumns.RegionCode, ImportColumns.OwnershipType, ImportColumns.Industry, ImportColumns.Occupation,
            ImportColumns.OccupationCode, ImportColumns.Post, ImportColumns.Frontline, ImportColumns.EmploymentStart,
            ImportColumns.SkillLevel, ImportColumns.CertificateNumber, ImportColumns.CertificateIssuer, ImportColumns.CertificateDate,
        ])
    {
        TemplateTitle = "高技能领军人才数据库——人员名册导入模板（带*为必填）",
    };

    /// <summary>荣誉名单: honours, special government allowances and 高精尖缺 recognitions.</summary>
    public static readonly ImportSchema Honours = new(
        "荣誉名单",
        [
            ImportColumns.Name, ImportColumns.IdNumber, ImportColumns.HonorTitle, ImportColumns.AwardYear, ImportColumns.AwardingBody,
            ImportColumns.DocumentNumber, ImportColumns.Revoked, ImportColumns.RevokedDate,
        ])
    {
        TemplateTitle = "高技能领军人才数据库——荣誉名单导入模板（带*为必填）",
    };

    /// <summary>Every registry schema, in the order of <see cref="ImportKind"/>.</summary>
    public static IReadOnlyList<ImportSchema> All { get; } = [Roster, Honours];

    /// <summary>The schema of <paramref name="kind"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An undefined kind.</exception>
    public static ImportSchema For(ImportKind kind) =>
        TryFor(kind) ?? throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown import kind.");

    /// <summary>The schema of <paramref name="kind"/>, or null for an undefined kind.</summary>
    public static ImportSchema? TryFor(ImportKind kind) => kind switch
    {
        ImportKind.Roster => Roster,
        ImportKind.Honours => Honours,
        _ => null,
    };

    /// <summary>Read options for a registry kind: the given ones with the registry's schemas as the alternatives named in hints.</summary>
    public static ImportReadOptions Options(ImportReadOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.OtherSchemas.Count == 0 ? options with { OtherSchemas = All } : options;
    }
}

/// <summary>
/// The engine's entry points by registry <see cref="ImportKind"/> (C# 14 extension members, so that the registry's
/// callers and tests keep writing <c>ImportFileReader.Open(stream, name, ImportKind.Roster, options)</c>).
/// </summary>
public static class RegistryImportExtensions
{
    extension(ImportFileReader)
    {
        /// <summary><see cref="ImportFileReader.Open(Stream, string?, ImportSchema, ImportReadOptions)"/> with the schema of <paramref name="kind"/>.</summary>
        public static ImportReadResult Open(Stream content, string? fileName, ImportKind kind, ImportReadOptions options) =>
            ImportFileReader.Open(content, fileName, RegistryImportSchemas.For(kind), RegistryImportSchemas.Options(options));

        /// <summary>As <see cref="ImportFileReader.OpenAsync(Stream, string?, ImportSchema, ImportReadOptions, CancellationToken)"/> with the schema of <paramref name="kind"/>.</summary>
        public static Task<ImportReadResult> OpenAsync(
            Stream content, string? fileName, ImportKind kind, ImportReadOptions options, CancellationToken cancellationToken) =>
            ImportFileReader.OpenAsync(content, fileName, RegistryImportSchemas.For(kind), RegistryImportSchemas.Options(options), cancellationToken);
    }
}

/// <summary>The engine's templates by registry <see cref="ImportKind"/> (C# 14 extension members).</summary>
public static class RegistryImportTemplateExtensions
{
    extension(ImportTemplates)
    {
        /// <summary>The title row of the XLSX template of <paramref name="kind"/>.</summary>
        public static string Title(ImportKind kind) => ImportTemplates.Title(RegistryImportSchemas.For(kind));

        /// <summary>The CSV template of <paramref name="kind"/>.</summary>
        public static byte[] Csv(ImportKind kind) => ImportTemplates.Csv(RegistryImportSchemas.For(kind));

        /// <summary>The XLSX template of <paramref name="kind"/>.</summary>
        public static byte[] Xlsx(ImportKind kind) => ImportTemplates.Xlsx(RegistryImportSchemas.For(kind));
    }
}
