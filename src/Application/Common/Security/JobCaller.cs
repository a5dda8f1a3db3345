using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Domain.Organisation;

namespace CustomerCare.Application.Common.Security;

/// <summary>
/// Whom a background job acts for (a partner's import runs as that partner: its complaints, its customers, its
/// timeline entries). Set on the job's own service scope before anything there reads <see cref="ICurrentUser"/>; in a
/// request scope it stays empty and the caller is the signed-in one.
/// </summary>
public sealed class JobCaller
{
    public ICurrentUser? Caller { get; private set; }

    public void ActForPartner(Guid partnerId) => Caller = new Partner(partnerId);

    private sealed class Partner(Guid id) : ICurrentUser
    {
        public CallerKind Kind => CallerKind.Partner;

        public Guid? Id => id;

        public Guid? DepartmentId => null;

        public IReadOnlyCollection<Role> Roles => [];

        public bool IsInRole(Role role) => false;
    }
}
