namespace CustomerCare.Application.Common.Interfaces;

/// <summary>The background runner of import jobs: told when one is queued on this replica, so that it starts at once.</summary>
public interface IComplaintImportRunner
{
    void Wake();
}
