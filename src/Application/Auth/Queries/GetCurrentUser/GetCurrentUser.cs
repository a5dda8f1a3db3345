using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Domain.Organisation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Application.Auth.Queries.GetCurrentUser;

/// <summary>Who the caller is, as the API sees them.</summary>
public sealed record GetCurrentUserQuery : IQuery<CurrentUserDto>;

public sealed class GetCurrentUserQueryHandler(IApplicationDbContext db, ICurrentUser user)
    : IQueryHandler<GetCurrentUserQuery, CurrentUserDto>
{
    public async ValueTask<CurrentUserDto> Handle(GetCurrentUserQuery query, CancellationToken cancellationToken)
    {
        var id = user.Id ?? throw new NotFoundException("Caller", "anonymous");
        var found = user.Kind switch
        {
            CallerKind.Staff => await db.Staff.AsNoTracking().Where(s => s.Id == id)
                .Select(s => new CurrentUserDto(CallerKind.Staff, s.Id, s.Name, s.Email, s.DepartmentId, s.Roles.ToList()))
                .SingleOrDefaultAsync(cancellationToken),
            CallerKind.Partner => await db.Partners.AsNoTracking().Where(p => p.Id == id)
                .Select(p => new CurrentUserDto(CallerKind.Partner, p.Id, p.Name, null, null, new List<Role>()))
                .SingleOrDefaultAsync(cancellationToken),
            _ => null,
        };
        return found ?? throw new NotFoundException("Caller", id);
    }
}
