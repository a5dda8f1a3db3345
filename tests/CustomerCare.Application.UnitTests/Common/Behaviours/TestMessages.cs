using Mediator;

namespace CustomerCare.Application.UnitTests.Common.Behaviours;

public sealed record CreateThingCommand(string Name, int Quantity, IReadOnlyList<ThingLine> Lines) : ICommand<string>;

public sealed record ThingLine(string Sku);
