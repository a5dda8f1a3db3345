using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;

namespace CustomerCare.Infrastructure.Data;

/// <summary>
/// Compares, hashes and snapshots a primitive collection (a text[] or uuid[] column: a customer's name keys, a staff
/// member's roles, an idempotency key's subjects) element by element, as EF Core's own comparers do, but through static
/// methods only. EF Core 10's comparers are compiled from <c>(a, b) =&gt; Compare(a, b, (x, y) =&gt; x == y)</c>, and
/// the inner lambda becomes a new delegate, made from a dynamic method, on every call: a 500-row import batch compares
/// thousands of them on each DetectChanges, and those delegates took a sixth of the import's CPU (docs/performance.md).
/// </summary>
public sealed class SequenceValueComparer<TCollection, TElement>() : ValueComparer<TCollection>(
    (a, b) => SequenceValues.Equal<TElement>(a, b),
    v => SequenceValues.Hash<TElement>(v),
    v => SequenceValues.Snapshot<TCollection, TElement>(v))
    where TCollection : IEnumerable<TElement>;

/// <summary>The element-by-element operations of <see cref="SequenceValueComparer{TCollection, TElement}"/>.</summary>
public static class SequenceValues
{
    public static bool Equal<TElement>(IEnumerable<TElement>? a, IEnumerable<TElement>? b) =>
        ReferenceEquals(a, b) || (a is not null && b is not null && a.SequenceEqual(b, EqualityComparer<TElement>.Default));

    public static int Hash<TElement>(IEnumerable<TElement>? values)
    {
        var hash = new HashCode();
        foreach (var value in values ?? [])
        {
            hash.Add(value, EqualityComparer<TElement>.Default);
        }

        return hash.ToHashCode();
    }

    /// <summary>A copy of the same kind: an array for an array (or a read-only list), a list for a list.</summary>
    public static TCollection Snapshot<TCollection, TElement>(TCollection values)
        where TCollection : IEnumerable<TElement>
    {
        if (values is null)
        {
            return values!; // EF Core snapshots a null collection as null
        }

        object copy = typeof(TCollection).IsAssignableFrom(typeof(TElement[])) ? values.ToArray() : values.ToList();
        return (TCollection)copy;
    }

    /// <summary>Gives every primitive collection of the model this comparer instead of EF Core's.</summary>
    public static void UseForPrimitiveCollections(IMutableModel model)
    {
        foreach (var property in model.GetEntityTypes().SelectMany(e => e.GetDeclaredProperties()).Where(p => p.IsPrimitiveCollection).ToList())
        {
            var element = property.GetElementType()!.ClrType;
            property.SetValueComparer(typeof(SequenceValueComparer<,>).MakeGenericType(property.ClrType, element));
        }
    }
}
