using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace CustomerCare.Infrastructure.Data;

/// <summary>
/// Writes the rows a save adds with PostgreSQL's binary <c>COPY</c>, a table at a time, instead of an <c>INSERT</c> each:
/// what EF Core would write, read from its model (columns, value converters, store types), so nothing is mapped twice.
/// A key the database generates (an identity) is left to it and not read back: those rows are no longer tracked after
/// the save. A table is left to EF Core when its rows need something COPY cannot give: JSON the owner's column would
/// hold, several entity types in one table, defaults for some rows and not others, a generated key that other new rows
/// refer to; and so is every table whose rows refer to one left to EF Core (EF Core writes after COPY). Tables are
/// copied principals first; rows of one table referring to each other are checked at the end of its COPY.
/// </summary>
internal static class NewRowsCopy
{
    private static readonly ConcurrentDictionary<IEntityType, TablePlan?> Plans = new();

    /// <summary>Whether an entity type has navigations (a new row of one without is not looked at for changes).</summary>
    private static readonly ConcurrentDictionary<IEntityType, bool> Navigates = new();

    /// <summary>
    /// Copies what it can and answers the entries it wrote (tracked as unchanged now, so EF Core skips them). The entities
    /// in <paramref name="seen"/> have been detected by an earlier call in the same save and are not detected again; those
    /// detected now join it.
    /// </summary>
    public static async Task<IReadOnlyList<EntityEntry>> WriteAsync(DbContext context, HashSet<object> seen, CancellationToken cancellationToken)
    {
        var tracker = context.ChangeTracker;
        DetectChanges(tracker, seen);
        var added = new Dictionary<IEntityType, List<EntityEntry>>();
        foreach (var entry in tracker.Entries())
        {
            if (entry.State == EntityState.Added)
            {
                (added.TryGetValue(entry.Metadata, out var list) ? list : added[entry.Metadata] = []).Add(entry);
            }
        }

        var copies = new Dictionary<IEntityType, (TablePlan Plan, List<EntityEntry> Rows, IReadOnlyList<ColumnPlan> Columns)>();
        foreach (var (type, rows) in added)
        {
            if (Plans.GetOrAdd(type, Plan) is { } plan && plan.Columns(rows) is { } columns)
            {
                copies[type] = (plan, rows, columns);
            }
        }

        // A key the database generates must be read back when other new rows refer to it: EF Core writes those tables.
        foreach (var (type, copy) in copies.ToList())
        {
            if (copy.Rows.Any(r => type.FindPrimaryKey()!.Properties.Any(p => r.Property(p).IsTemporary))
                && added.Keys.Any(other => other != type && other.GetForeignKeys().Any(fk => fk.PrincipalEntityType.GetTableName() == copy.Plan.Table)))
            {
                copies.Remove(type);
            }
        }

        // A row EF Core writes after COPY cannot be the principal of a copied one.
        var leftToEfCore = added.Keys.Where(t => !copies.ContainsKey(t)).Select(t => t.GetTableName()).ToHashSet(StringComparer.Ordinal);
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var (type, copy) in copies.ToList())
            {
                if (copy.Plan.Principals.Any(leftToEfCore.Contains))
                {
                    copies.Remove(type);
                    leftToEfCore.Add(copy.Plan.Table);
                    changed = true;
                }
            }
        }

        var written = new List<EntityEntry>();
        var connection = (NpgsqlConnection)context.Database.GetDbConnection();
        foreach (var copy in Ordered(copies.Values.ToList()))
        {
            try
            {
                await CopyAsync(connection, copy.Plan, copy.Rows, copy.Columns, cancellationToken);
            }
            catch (PostgresException refused)
            {
                // What EF Core's own INSERT would have raised, for the callers and the problem responses that expect it.
                throw new DbUpdateException($"The new rows of {copy.Plan.Table} could not be written: {refused.MessageText}", refused, copy.Rows);
            }

            written.AddRange(copy.Rows);
        }

        foreach (var entry in written)
        {
            // A row whose key the database generated is not read back (nothing after the save needs it): no longer tracked.
            entry.State = entry.Metadata.FindPrimaryKey()!.Properties.Any(p => entry.Property(p).IsTemporary) ? EntityState.Detached : EntityState.Unchanged;
        }

        return written;
    }

    /// <summary>
    /// What a full <c>DetectChanges</c> finds, without comparing the values of new rows: a row added and not yet written is
    /// written with its values as they are now, whatever they were when it was added, so only its navigations can hold
    /// news (a dependent added to a collection, an owned entity set). A new row of a type without navigations (most of a
    /// batch's: clocks, timeline entries, contacts, outbox messages, notifications, report lines) is not looked at; every
    /// other entry is detected as the full walk would, and so are the entries that detection starts tracking.
    /// </summary>
    private static void DetectChanges(ChangeTracker tracker, HashSet<object> seen)
    {
        using var _ = tracker.PauseAutoDetect(); // listing the entries must not walk them all
        for (var found = true; found;)
        {
            found = false;
            foreach (var entry in tracker.Entries().ToList())
            {
                if (!seen.Add(entry.Entity))
                {
                    continue;
                }

                found = true;
                if (entry.State != EntityState.Added || Navigates.GetOrAdd(entry.Metadata, t => t.GetNavigations().Any() || t.GetSkipNavigations().Any()))
                {
                    entry.DetectChanges();
                }
            }
        }
    }

    private static async Task CopyAsync(
        NpgsqlConnection connection, TablePlan plan, List<EntityEntry> rows, IReadOnlyList<ColumnPlan> columns, CancellationToken cancellationToken)
    {
        var names = string.Join(", ", columns.Select(c => Quote(c.Name)));
        var target = plan.Schema is null ? Quote(plan.Table) : $"{Quote(plan.Schema)}.{Quote(plan.Table)}";
        await using var importer = await connection.BeginBinaryImportAsync($"COPY {target} ({names}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var entry in rows)
        {
            await importer.StartRowAsync(cancellationToken);
            foreach (var column in columns)
            {
                var value = column.Value(entry);
                if (value is not null && column.Converter is { } converter)
                {
                    value = converter.ConvertToProvider(value);
                }

                if (value is null)
                {
                    await importer.WriteNullAsync(cancellationToken);
                }
                else
                {
                    await importer.WriteAsync(value, column.DataTypeName, cancellationToken);
                }
            }
        }

        await importer.CompleteAsync(cancellationToken);
    }

    /// <summary>Principals before their dependents (a table referring to itself is checked at the end of its own COPY).</summary>
    private static List<(TablePlan Plan, List<EntityEntry> Rows, IReadOnlyList<ColumnPlan> Columns)> Ordered(
        List<(TablePlan Plan, List<EntityEntry> Rows, IReadOnlyList<ColumnPlan> Columns)> copies)
    {
        var byTable = copies.ToDictionary(c => c.Plan.Table, StringComparer.Ordinal);
        var done = new HashSet<string>(StringComparer.Ordinal);
        var ordered = new List<(TablePlan, List<EntityEntry>, IReadOnlyList<ColumnPlan>)>();
        void Visit(string table, int depth)
        {
            if (done.Contains(table) || depth > byTable.Count || !byTable.TryGetValue(table, out var copy))
            {
                return;
            }

            foreach (var principal in copy.Plan.Principals)
            {
                if (principal != table)
                {
                    Visit(principal, depth + 1);
                }
            }

            if (done.Add(table))
            {
                ordered.Add(copy);
            }
        }

        foreach (var copy in copies)
        {
            Visit(copy.Plan.Table, 0);
        }

        return ordered;
    }

    /// <summary>How an entity type's new rows are copied, or null when its table is left to EF Core.</summary>
    private static TablePlan? Plan(IEntityType type)
    {
        if (type.GetTableName() is not { } table || type.IsMappedToJson() || type.GetViewName() is not null)
        {
            return null;
        }

        var store = StoreObjectIdentifier.Table(table, type.GetSchema());
        var storeTable = type.Model.GetRelationalModel().FindTable(table, type.GetSchema());
        if (storeTable is null
            || storeTable.EntityTypeMappings.Any(m => m.TypeBase != type && !(m.TypeBase is IEntityType other && other.IsMappedToJson()))
            || type.FindPrimaryKey() is not { } key
            || (key.Properties.Any(p => p.ValueGenerated != ValueGenerated.Never) && (key.Properties.Count > 1 || key.Properties[0].IsShadowProperty())))
        {
            return null;
        }

        var columns = new List<ColumnPlan>();
        void Add(IProperty property, Func<EntityEntry, object?> value)
        {
            if (property.GetColumnName(store) is not { } name
                || property.GetComputedColumnSql(store) is not null
                || property.ValueGenerated == ValueGenerated.OnAddOrUpdate)
            {
                return; // derived by the database (computed columns, the row version)
            }

            columns.Add(new ColumnPlan(
                property, name, WithoutFacets(property.GetRelationalTypeMapping().StoreType), property.GetTypeMapping().Converter, value,
                GeneratedOnAdd: property.ValueGenerated == ValueGenerated.OnAdd));
        }

        foreach (var property in type.GetProperties())
        {
            // A value the database or EF Core may generate can be temporary, held by the entry: read through it. Any other
            // is the entity's own, read straight from it.
            if (property.IsShadowProperty() || property.ValueGenerated != ValueGenerated.Never)
            {
                Add(property, entry => entry.Property(property).CurrentValue);
            }
            else
            {
                var getter = property.GetGetter();
                Add(property, entry => getter.GetClrValueUsingContainingEntity(entry.Entity));
            }
        }

        foreach (var complex in type.GetComplexProperties())
        {
            if (complex.IsCollection || complex.ComplexType.GetComplexProperties().Any() || complex.ComplexType.IsMappedToJson())
            {
                return null;
            }

            foreach (var property in complex.ComplexType.GetProperties())
            {
                Add(property, entry => entry.ComplexProperty(complex).Property(property).CurrentValue);
            }
        }

        // Every column the copy leaves out must be one the database can fill: anything else is a shape this does not know.
        var jsonOwned = type.GetNavigations().Where(n => n.TargetEntityType.IsMappedToJson()).ToList();
        var containers = jsonOwned.Select(n => n.TargetEntityType.GetContainerColumnName()).ToHashSet(StringComparer.Ordinal);
        var covered = columns.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        if (storeTable.Columns.Any(c => !covered.Contains(c.Name) && !containers.Contains(c.Name) && !c.IsNullable
                && c.DefaultValueSql is null && c.DefaultValue is null && c.ComputedColumnSql is null
                && !c.PropertyMappings.Any(m => m.Property.ValueGenerated != ValueGenerated.Never)))
        {
            return null;
        }

        var principals = storeTable.ForeignKeyConstraints.Select(f => f.PrincipalTable.Name).Distinct(StringComparer.Ordinal).ToList();
        return new TablePlan(table, type.GetSchema(), columns, jsonOwned, principals);
    }

    /// <summary><c>character varying(200)</c> is <c>character varying</c> to Npgsql's type resolution; arrays stay arrays.</summary>
    private static string WithoutFacets(string storeType)
    {
        var open = storeType.IndexOf('(', StringComparison.Ordinal);
        if (open < 0)
        {
            return storeType;
        }

        var close = storeType.IndexOf(')', open);
        return close < 0 ? storeType[..open] : storeType[..open] + storeType[(close + 1)..];
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private sealed record ColumnPlan(
        IProperty Property, string Name, string DataTypeName, Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter? Converter,
        Func<EntityEntry, object?> Value, bool GeneratedOnAdd);

    private sealed record TablePlan(string Table, string? Schema, IReadOnlyList<ColumnPlan> AllColumns, IReadOnlyList<INavigation> JsonOwned, IReadOnlyList<string> Principals)
    {
        /// <summary>
        /// The columns these rows are copied with, or null when EF Core must write them: JSON for the owner's column, or a
        /// column the database fills by default for some rows and not for others. A default the database fills for every
        /// row (no value given) is left out, as EF Core leaves it out.
        /// </summary>
        public IReadOnlyList<ColumnPlan>? Columns(List<EntityEntry> rows)
        {
            if (JsonOwned.Count > 0 && rows.Any(r => JsonOwned.Any(n => r.Navigation(n.Name).CurrentValue is not null)))
            {
                return null;
            }

            var columns = new List<ColumnPlan>(AllColumns.Count);
            foreach (var column in AllColumns)
            {
                if (!column.GeneratedOnAdd)
                {
                    columns.Add(column);
                    continue;
                }

                var given = rows.Count(r => !(column.Property.DeclaringType == r.Metadata && r.Property(column.Property).IsTemporary)
                    && !IsSentinel(column.Property, column.Value(r)));
                if (given == rows.Count)
                {
                    columns.Add(column);
                }
                else if (given > 0)
                {
                    return null;
                }
            }

            return columns;
        }

        private static bool IsSentinel(IProperty property, object? value) =>
            value is null || Equals(value, property.Sentinel) || (property.ClrType.IsValueType && Equals(value, Activator.CreateInstance(property.ClrType)));
    }
}
