using Mediator;

namespace CustomerCare.Application.UnitTests.Common.Behaviours;

public sealed record CreateThingCommand(string Name, int Quantity, IReadOnlyList<ThingLine> Lines) : ICommand<string>;

public sealed record ThingLine(string Sku);

public sealed record FindThingQuery(int Number) : IQuery<int>;

public sealed record ThingReportQuery : IQuery<int>, CustomerCare.Application.Common.Interfaces.IReportQuery;

public sealed record RenameThingCommand : ICommand<int>;
