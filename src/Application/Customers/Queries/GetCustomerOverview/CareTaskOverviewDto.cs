using CustomerCare.Application.CareTasks.Queries.GetCareTask;

namespace CustomerCare.Application.Customers.Queries.GetCustomerOverview;

/// <summary>Care tasks: open (of which overdue) and done, with the open ones soonest due first.</summary>
public sealed record CareTaskOverviewDto(int Open, int Overdue, int Done, IReadOnlyList<CareTaskDto> Upcoming);
