using System.Linq.Expressions;
using CustomerCare.Api.IntegrationTests.Infrastructure;
using CustomerCare.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerCare.Api.IntegrationTests.Platform;

/// <summary>
/// Every comparer the model uses is compiled once and then only called: none holds a lambda inside its expressions
/// (EF Core's own comparers of primitive collections do, and the compiled inner lambda becomes a new delegate on every
/// comparison, a sixth of an import's CPU). The replacement still compares element by element and snapshots a copy.
/// </summary>
public sealed class ValueComparerTests : IntegrationTest
{
    private sealed class NestedLambdas : ExpressionVisitor
    {
        public int Count { get; private set; }

        protected override Expression VisitLambda<T>(Expression<T> node)
        {
            Count++;
            return base.VisitLambda(node);
        }
    }

    [Test]
    public async Task NoComparerOfTheModel_CompilesALambdaInsideItself()
    {
        await using var scope = Testing.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomerCareDbContext>();
        var offenders = new List<string>();
        var collections = 0;
        foreach (var property in db.Model.GetEntityTypes().SelectMany(e => e.GetProperties()))
        {
            var comparer = property.GetValueComparer();
            var nested = new NestedLambdas();
            nested.Visit(comparer.EqualsExpression.Body);
            nested.Visit(comparer.HashCodeExpression.Body);
            nested.Visit(comparer.SnapshotExpression.Body);
            if (nested.Count > 0)
            {
                offenders.Add($"{property.DeclaringType.DisplayName()}.{property.Name}: {comparer.EqualsExpression}");
            }

            collections += property.IsPrimitiveCollection ? 1 : 0;
        }

        Assert.Multiple(() =>
        {
            Assert.That(collections, Is.GreaterThanOrEqualTo(5), "name keys, roles, event types, subjects, options...");
            Assert.That(offenders, Is.Empty);
        });
    }

    [Test]
    public void TheSequenceComparer_ComparesElements_AndSnapshotsACopyOfTheSameKind()
    {
        var lists = new SequenceValueComparer<List<string>, string>();
        var readOnly = new SequenceValueComparer<IReadOnlyList<Guid>, Guid>();
        List<string> names = ["王", "王小明"];
        var snapshot = lists.Snapshot(names);
        names[1] = "王小红"; // changed in place: the snapshot still holds the old element
        var id = Guid.NewGuid();

        Assert.Multiple(() =>
        {
            Assert.That(snapshot, Is.Not.SameAs(names).And.EqualTo(new[] { "王", "王小明" }));
            Assert.That(lists.Equals(names, snapshot), Is.False);
            Assert.That(lists.Equals(["a", "b"], ["a", "b"]), Is.True);
            Assert.That(lists.Equals(["a", "b"], ["b", "a"]), Is.False, "order counts");
            Assert.That(lists.Equals(null, null), Is.True);
            Assert.That(lists.Equals(["a"], null), Is.False);
            Assert.That(lists.GetHashCode(["a", "b"]), Is.EqualTo(lists.GetHashCode(new List<string> { "a", "b" })), "equal lists, equal hashes");
            Assert.That(readOnly.Snapshot([id]), Is.InstanceOf<Guid[]>().And.EqualTo(new[] { id }));
        });
    }
}
