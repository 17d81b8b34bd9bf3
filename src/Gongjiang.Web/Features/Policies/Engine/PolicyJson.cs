using System.Text.Encodings.Web;
using System.Text.Json;
using Gongjiang.Core.Policies;
using Gongjiang.Web.Features.Policies.Data;

namespace Gongjiang.Web.Features.Policies.Engine;

/// <summary>How the module stores Core values as JSON: item versions, decision records, reforms and results.</summary>
public static class PolicyJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.General)
    {
        // Stored, never written into HTML: keep Chinese readable in the database.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json) => JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException("空的JSON");

    public static BenefitItemVersion ToVersion(StoredItemVersion stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return Deserialize<BenefitItemVersion>(stored.Definition) with { EffectiveTo = stored.EffectiveTo };
    }

    public static StoredItemVersion ToStored(BenefitItemVersion version, DateTimeOffset at, string by)
    {
        ArgumentNullException.ThrowIfNull(version);
        return new StoredItemVersion
        {
            VersionId = version.VersionId,
            ItemKey = version.ItemKey,
            Name = version.Name,
            Category = version.Category,
            RegionCode = version.RegionCode,
            DocumentId = version.DocumentId,
            EffectiveFrom = version.EffectiveFrom,
            EffectiveTo = version.EffectiveTo,
            IsExample = version.IsExample,
            Definition = Serialize(version),
            CreatedAt = at,
            CreatedBy = by,
        };
    }
}
