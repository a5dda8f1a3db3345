namespace CustomerCare.Application.Common.Interfaces;

/// <summary>
/// A query that reads the report database (<see cref="IReportDatabase"/>: the replica while one is configured and caught
/// up): reports and the ledger export. It runs outside the turns of the primary's queries (<c>AdmissionBehaviour</c>).
/// </summary>
public interface IReportQuery;
