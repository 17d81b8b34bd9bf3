using Gongjiang.Web.Features.Registry.Data;
using Gongjiang.Web.Platform.Access;
using Gongjiang.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using NpgsqlTypes;

namespace Gongjiang.Web.Features.Registry.Imports;

/// <summary>
/// Writes the rows an import inserts: new enterprises, persons, their records, and the import's error rows. The import
/// decides what to insert (and changes existing rows through the context, audited with before/after); this writes it.
/// One interface, two ways (DESIGN.md: fast paths that only PostgreSQL has sit behind the same interface as the portable
/// path): <see cref="EfRegistryWriter"/> adds to the context, <see cref="PostgresRegistryWriter"/> streams the rows with
/// binary COPY. Both write inside the import's one transaction and check every row against the actor's scope.
/// </summary>
internal interface IRegistryWriter
{
    void Add(Enterprise enterprise);

    void Add(Person person);

    void Add(PersonRecord record);

    /// <summary>Writes what was added since the last flush; call before saving the context's own changes.</summary>
    Task FlushAsync(CancellationToken ct);

    /// <summary>Writes the error rows of the import (possibly many thousands); the context's next save may carry them.</summary>
    Task WriteErrorsAsync(IEnumerable<ImportError> errors, CancellationToken ct);
}

internal static class RegistryWriter
{
    /// <summary>Binary COPY on PostgreSQL; Entity Framework everywhere else (SQLite).</summary>
    public static IRegistryWriter For(GongjiangDbContext db) =>
        db.Database.IsNpgsql() ? new PostgresRegistryWriter(db) : new EfRegistryWriter(db);
}

/// <summary>The portable path: new rows are added to the context and saved with the batch.</summary>
internal sealed class EfRegistryWriter(GongjiangDbContext db) : IRegistryWriter
{
    public void Add(Enterprise enterprise) => db.Add(enterprise);

    public void Add(Person person) => db.Add(person);

    public void Add(PersonRecord record) => db.Add(record);

    public Task FlushAsync(CancellationToken ct) => Task.CompletedTask;

    public Task WriteErrorsAsync(IEnumerable<ImportError> errors, CancellationToken ct)
    {
        db.AddRange(errors);
        return Task.CompletedTask;
    }
}

/// <summary>
/// The PostgreSQL path: the rows are buffered per batch and written with binary COPY straight into their tables, on
/// the context's connection and inside its transaction, so that a failure anywhere rolls the whole file back. The rows
/// are new (the import classified them against the registry in the same transaction) and carry ids made here, so no
/// merge is needed: the unique indexes (ID-number hash, credit code) still guard against a concurrent import of the same
/// person, which then fails whole as on the portable path. Inserts are not audited row by row on either path (ADR 0004:
/// the import record is their audit record); the scope check of <see cref="GongjiangDbContext.SaveChangesAsync(bool, CancellationToken)"/>
/// is applied here to every row.
/// </summary>
internal sealed class PostgresRegistryWriter(GongjiangDbContext db) : IRegistryWriter
{
    private readonly List<Enterprise> _enterprises = [];
    private readonly List<Person> _persons = [];
    private readonly Dictionary<Type, List<object>> _records = [];

    public void Add(Enterprise enterprise) => _enterprises.Add(Checked(enterprise));

    public void Add(Person person) => _persons.Add(Checked(person));

    public void Add(PersonRecord record)
    {
        if (!_records.TryGetValue(record.GetType(), out var list))
        {
            _records[record.GetType()] = list = [];
        }

        list.Add(Checked(record));
    }

    public async Task FlushAsync(CancellationToken ct)
    {
        // Parents first: enterprises, persons, then the records that refer to them.
        await CopyAsync(typeof(Enterprise), _enterprises, ct);
        await CopyAsync(typeof(Person), _persons, ct);
        foreach (var (type, rows) in _records)
        {
            await CopyAsync(type, rows, ct);
        }

        _enterprises.Clear();
        _persons.Clear();
        foreach (var rows in _records.Values)
        {
            rows.Clear();
        }
    }

    public async Task WriteErrorsAsync(IEnumerable<ImportError> errors, CancellationToken ct)
    {
        var buffer = new List<ImportError>(4096);
        foreach (var error in errors)
        {
            buffer.Add(error);
            if (buffer.Count == buffer.Capacity)
            {
                await CopyAsync(typeof(ImportError), buffer, ct);
                buffer.Clear();
            }
        }

        await CopyAsync(typeof(ImportError), buffer, ct);
    }

    private T Checked<T>(T entity)
        where T : class
    {
        if (ScopeRules.TryCheck(entity, db.Scope, out var inScope) && !inScope)
        {
            throw new ScopeViolationException(typeof(T).Name, null);
        }

        return entity;
    }

    private async Task CopyAsync<T>(Type type, List<T> rows, CancellationToken ct)
        where T : class
    {
        if (rows.Count == 0)
        {
            return;
        }

        var table = CopyTable.For(db.Model, type);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var writer = await connection.BeginBinaryImportAsync(table.Command, ct);
        foreach (var row in rows)
        {
            await writer.StartRowAsync(ct);
            foreach (var column in table.Columns)
            {
                await column.WriteAsync(writer, row, ct);
            }
        }

        await writer.CompleteAsync(ct);
    }

    /// <summary>The COPY command and column writers of one entity type, taken from the EF model (so they follow it).</summary>
    private sealed class CopyTable
    {
        private static readonly Dictionary<(IModel, Type), CopyTable> Cache = [];
        private static readonly Lock Gate = new();

        private CopyTable(IEntityType entity)
        {
            var tableName = entity.GetTableName()!;
            var store = StoreObjectIdentifier.Table(tableName, entity.GetSchema());
            Columns = entity.GetProperties()
                .Where(p => p.GetColumnName(store) is not null && !(p.ValueGenerated == ValueGenerated.OnAdd && p.ClrType != typeof(Guid)))
                .Select(p => new CopyColumn(p, p.GetColumnName(store)!))
                .ToArray();
            var table = entity.GetSchema() is { } schema ? $"\"{schema}\".\"{tableName}\"" : $"\"{tableName}\"";
            Command = $"COPY {table} ({string.Join(", ", Columns.Select(c => "\"" + c.Name + "\""))}) FROM STDIN (FORMAT BINARY)";
        }

        public string Command { get; }

        public CopyColumn[] Columns { get; }

        public static CopyTable For(IModel model, Type type)
        {
            lock (Gate)
            {
                if (!Cache.TryGetValue((model, type), out var table))
                {
                    table = new CopyTable(model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not in the model"));
                    Cache[(model, type)] = table;
                }

                return table;
            }
        }
    }

    /// <summary>One column: reads the property, converts it as EF would (enums to numbers), writes it typed.</summary>
    private sealed class CopyColumn
    {
        private readonly IClrPropertyGetter _getter;
        private readonly Func<object?, object?>? _convert;
        private readonly NpgsqlDbType _type;

        public CopyColumn(IProperty property, string name)
        {
            Name = name;
            _getter = property.GetGetter();
            var converter = property.GetTypeMapping().Converter;
            _convert = converter is null ? null : converter.ConvertToProvider;
            var provider = Nullable.GetUnderlyingType(converter?.ProviderClrType ?? property.ClrType) ?? converter?.ProviderClrType ?? property.ClrType;
            _type = provider switch
            {
                _ when provider == typeof(string) => NpgsqlDbType.Varchar,
                _ when provider == typeof(Guid) => NpgsqlDbType.Uuid,
                _ when provider == typeof(int) => NpgsqlDbType.Integer,
                _ when provider == typeof(long) => NpgsqlDbType.Bigint,
                _ when provider == typeof(short) => NpgsqlDbType.Smallint,
                _ when provider == typeof(bool) => NpgsqlDbType.Boolean,
                _ when provider == typeof(DateOnly) => NpgsqlDbType.Date,
                _ when provider == typeof(DateTimeOffset) => NpgsqlDbType.TimestampTz,
                _ when provider == typeof(decimal) => NpgsqlDbType.Numeric,
                _ when provider == typeof(double) => NpgsqlDbType.Double,
                _ => throw new NotSupportedException($"COPY of {property.DeclaringType.DisplayName()}.{property.Name} ({provider.Name}) is not supported"),
            };
        }

        public string Name { get; }

        public Task WriteAsync(NpgsqlBinaryImporter writer, object entity, CancellationToken ct)
        {
            var value = _getter.GetClrValueUsingContainingEntity(entity);
            if (value is not null && _convert is not null)
            {
                value = _convert(value);
            }

            return value switch
            {
                null => writer.WriteNullAsync(ct),
                string s => writer.WriteAsync(s, _type, ct),
                Guid g => writer.WriteAsync(g, _type, ct),
                int i => writer.WriteAsync(i, _type, ct),
                long l => writer.WriteAsync(l, _type, ct),
                short s => writer.WriteAsync(s, _type, ct),
                bool b => writer.WriteAsync(b, _type, ct),
                DateOnly d => writer.WriteAsync(d, _type, ct),
                DateTimeOffset t => writer.WriteAsync(t.ToUniversalTime(), _type, ct),
                decimal m => writer.WriteAsync(m, _type, ct),
                double d => writer.WriteAsync(d, _type, ct),
                _ => throw new NotSupportedException($"COPY of a {value.GetType().Name} value"),
            };
        }
    }
}
