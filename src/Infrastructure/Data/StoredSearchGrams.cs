using CustomerCare.Application.Complaints;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;
using Microsoft.EntityFrameworkCore.Storage;

namespace CustomerCare.Infrastructure.Data;

/// <summary>
/// Translates <see cref="ComplaintGramSearch.Contains"/> to <c>search_grams_contain(c.search_grams, @grams)</c>: whether the
/// grams stored on the complaint's row hold every gram the search sends. <c>search_grams</c> is a generated column
/// (<c>complaint_search_grams(number, title, description)</c>, stored; migration <c>ComplaintSearchGramsStored</c>) with
/// the GIN index a rare gram is read through; the function is plain SQL that PostgreSQL inlines to <c>@&gt;</c>, so the
/// index answers it. The column is not part of the EF Core model: nothing reads it but this condition, and a mapped
/// column would be read back with every complaint loaded and after every complaint saved.
/// </summary>
/// <remarks>
/// Stored, because a common word (退款, in a tenth of the complaints) is read newest first along <c>received_at</c>, and
/// there the condition is a filter on each row the substring test lets through: computed from the texts (regular
/// expressions, ~40–150 µs a row) it cost ~8 ms of a 0.4 ms page; read from the row, microseconds.
/// </remarks>
internal sealed class StoredSearchGrams(IRelationalTypeMappingSource typeMappings)
{
    public const string Column = "search_grams";

    private readonly RelationalTypeMapping _grams = typeMappings.FindMapping(typeof(string[]))
        ?? throw new InvalidOperationException("The provider maps no text[] column.");

    private readonly RelationalTypeMapping _boolean = typeMappings.FindMapping(typeof(bool))
        ?? throw new InvalidOperationException("The provider maps no boolean.");

    /// <summary>The condition for <see cref="ComplaintGramSearch.Contains"/>'s arguments: the number, title and description columns of one row, and the grams.</summary>
    public SqlExpression Contain(IReadOnlyList<SqlExpression> arguments)
    {
        if (arguments is not [ColumnExpression number, ColumnExpression title, ColumnExpression description, var grams]
            || title.TableAlias != number.TableAlias || description.TableAlias != number.TableAlias)
        {
            throw new InvalidOperationException(
                $"{nameof(ComplaintGramSearch)}.{nameof(ComplaintGramSearch.Contains)} takes a complaint's number, title and description columns, then the grams.");
        }

        return new SqlFunctionExpression(
            "search_grams_contain",
            [new ColumnExpression(Column, number.TableAlias, typeof(string[]), _grams, nullable: false), grams],
            nullable: true, argumentsPropagateNullability: [false, true], typeof(bool), _boolean);
    }
}
