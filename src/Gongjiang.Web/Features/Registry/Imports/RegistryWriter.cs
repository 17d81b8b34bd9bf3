using System.Linq.Expressions;
using System.Reflection;
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

        // The synchronous writes only fill Npgsql's buffer; it is sent as it fills (the cost of an await per value
        // would be a third of the COPY's time).
        foreach (var row in rows)
        {
            ct.ThrowIfCancellationRequested();
            writer.StartRow();
            foreach (var column in table.Columns)
            {
                column.Write(writer, row);
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

    /// <summary>
    /// One column: a compiled writer that reads the property, converts it as EF would (enums to numbers) and writes it
    /// typed, without boxing.
    /// </summary>
    private sealed class CopyColumn
    {
        private static readonly MethodInfo WriteMethod = typeof(NpgsqlBinaryImporter).GetMethods()
            .Single(m => m.Name == nameof(NpgsqlBinaryImporter.Write) && m.IsGenericMethodDefinition
                && m.GetParameters() is [_, { ParameterType: var t }] && t == typeof(NpgsqlDbType));

        private static readonly MethodInfo WriteNullMethod = typeof(NpgsqlBinaryImporter).GetMethod(nameof(NpgsqlBinaryImporter.WriteNull), Type.EmptyTypes)!;

        public CopyColumn(IProperty property, string name)
        {
            Name = name;
            var converter = property.GetTypeMapping().Converter;
            var writer = Expression.Parameter(typeof(NpgsqlBinaryImporter), "writer");
            var entity = Expression.Parameter(typeof(object), "entity");
            Expression value = Expression.Property(Expression.Convert(entity, property.DeclaringType.ClrType), property.PropertyInfo!);
            Expression? hasValue = null;
            if (Nullable.GetUnderlyingType(value.Type) is not null)
            {
                hasValue = Expression.Property(value, "HasValue");
                value = Expression.Property(value, "Value");
            }
            else if (!value.Type.IsValueType)
            {
                hasValue = Expression.NotEqual(value, Expression.Constant(null, value.Type));
            }

            if (converter is not null)
            {
                var convert = converter.ConvertToProviderExpression;
                var input = convert.Parameters[0];
                value = Expression.Invoke(convert, input.Type == value.Type ? value : Expression.Convert(value, input.Type));
                if (Nullable.GetUnderlyingType(value.Type) is { } underlying)
                {
                    value = Expression.Convert(value, underlying);
                }
            }

            if (value.Type == typeof(DateTimeOffset))
            {
                value = Expression.Call(value, nameof(DateTimeOffset.ToUniversalTime), Type.EmptyTypes);
            }

            var type = value.Type switch
            {
                var t when t == typeof(string) => NpgsqlDbType.Varchar,
                var t when t == typeof(Guid) => NpgsqlDbType.Uuid,
                var t when t == typeof(int) => NpgsqlDbType.Integer,
                var t when t == typeof(long) => NpgsqlDbType.Bigint,
                var t when t == typeof(short) => NpgsqlDbType.Smallint,
                var t when t == typeof(bool) => NpgsqlDbType.Boolean,
                var t when t == typeof(DateOnly) => NpgsqlDbType.Date,
                var t when t == typeof(DateTimeOffset) => NpgsqlDbType.TimestampTz,
                var t when t == typeof(decimal) => NpgsqlDbType.Numeric,
                var t when t == typeof(double) => NpgsqlDbType.Double,
                var t => throw new NotSupportedException($"COPY of {property.DeclaringType.DisplayName()}.{property.Name} ({t.Name}) is not supported"),
            };
            Expression write = Expression.Call(writer, WriteMethod.MakeGenericMethod(value.Type), value, Expression.Constant(type));
            if (hasValue is not null)
            {
                write = Expression.IfThenElse(hasValue, write, Expression.Call(writer, WriteNullMethod));
            }

            Write = Expression.Lambda<Action<NpgsqlBinaryImporter, object>>(write, writer, entity).Compile();
        }

        public string Name { get; }

        public Action<NpgsqlBinaryImporter, object> Write { get; }
    }
}
