using CustomerCare.Application.Common.Behaviours;
using FluentValidation;
using Mediator;
using Microsoft.Extensions.Logging.Abstractions;
using ValidationException = CustomerCare.Application.Common.Exceptions.ValidationException;

namespace CustomerCare.Application.UnitTests.Common.Behaviours;

public class ValidationBehaviourTests
{
    private sealed class CreateThingCommandValidator : AbstractValidator<CreateThingCommand>
    {
        public CreateThingCommandValidator()
        {
            RuleFor(c => c.Name).NotEmpty();
            RuleFor(c => c.Quantity).InclusiveBetween(1, 10);
            RuleForEach(c => c.Lines).ChildRules(line => line.RuleFor(l => l.Sku).NotEmpty());
        }
    }

    private sealed class QuantityIsEvenValidator : AbstractValidator<CreateThingCommand>
    {
        public QuantityIsEvenValidator() => RuleFor(c => c.Quantity).Must(q => q % 2 == 0).WithMessage("Must be even.");
    }

    private static ValidationBehaviour<CreateThingCommand, string> Behaviour(params IValidator<CreateThingCommand>[] validators) =>
        new(validators, NullLogger<CreateThingCommand>.Instance);

    [Test]
    public async Task Handle_WhenValid_CallsNextAndReturnsItsResponse()
    {
        var called = false;
        var response = await Behaviour(new CreateThingCommandValidator()).Handle(
            new CreateThingCommand("box", 2, [new ThingLine("A1")]),
            (_, _) => { called = true; return ValueTask.FromResult("created"); },
            CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(called, Is.True);
            Assert.That(response, Is.EqualTo("created"));
        });
    }

    [Test]
    public void Handle_WhenInvalid_ThrowsWithEveryFieldErrorOfEveryValidatorAndSkipsHandler()
    {
        var called = false;
        MessageHandlerDelegate<CreateThingCommand, string> next = (_, _) => { called = true; return ValueTask.FromResult("x"); };

        var ex = Assert.ThrowsAsync<ValidationException>(async () => await Behaviour(
                new CreateThingCommandValidator(), new QuantityIsEvenValidator())
            .Handle(new CreateThingCommand("", 11, [new ThingLine("")]), next, CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(called, Is.False);
            Assert.That(ex!.Errors.Keys, Is.EquivalentTo(new[] { "name", "quantity", "lines[0].sku" }));
            Assert.That(ex.Errors["quantity"], Has.Length.EqualTo(2));
            Assert.That(ex.Errors["quantity"], Does.Contain("Must be even."));
        });
    }

    [Test]
    public async Task Handle_WhenNoValidatorExists_CallsNext()
    {
        var response = await Behaviour().Handle(
            new CreateThingCommand("", -1, []), (_, _) => ValueTask.FromResult("ok"), CancellationToken.None);

        Assert.That(response, Is.EqualTo("ok"));
    }
}
