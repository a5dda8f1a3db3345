using System.Reflection;
using FluentValidation;
using Mediator;

namespace CustomerCare.Architecture.Tests;

/// <summary>Every command and query that carries input has a FluentValidation validator.</summary>
public class ValidationRuleTests
{
    private static readonly Assembly Application = typeof(CustomerCare.Application.DependencyInjection).Assembly;

    private static IEnumerable<Type> MessagesWithInput() =>
        Application.GetTypes()
            .Where(t => t is { IsAbstract: false, IsInterface: false } && t.IsAssignableTo(typeof(IMessage)))
            .Where(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Length > 0);

    [Test]
    public void ThereAreCommandsAndQueriesToCheck()
    {
        Assert.That(MessagesWithInput().Count(), Is.GreaterThan(10));
    }

    [Test]
    public void EveryCommandAndQueryWithInput_HasAValidator()
    {
        var validated = Application.GetTypes()
            .Where(t => !t.IsAbstract)
            .SelectMany(t => t.GetInterfaces())
            .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IValidator<>))
            .Select(i => i.GetGenericArguments()[0])
            .ToHashSet();

        var missing = MessagesWithInput().Where(m => !validated.Contains(m)).Select(m => m.FullName).ToList();

        Assert.That(missing, Is.Empty, "add a validator next to each of these");
    }

    [Test]
    public void CommandsAndHandlers_ArePublicForTheGeneratedMediator()
    {
        var hidden = Application.GetTypes()
            .Where(t => !t.IsNested && t.GetInterfaces().Any(i => i.IsGenericType && (
                i.GetGenericTypeDefinition() == typeof(ICommandHandler<,>) || i.GetGenericTypeDefinition() == typeof(IQueryHandler<,>))))
            .Where(t => !t.IsPublic)
            .Select(t => t.FullName)
            .ToList();

        Assert.That(hidden, Is.Empty);
    }
}
