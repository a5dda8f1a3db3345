namespace CustomerCare.Application.Complaints.Queries.GetSlaByDepartment;

public sealed record DepartmentSlaDto(Guid? DepartmentId, int Breached, int AtRisk);
