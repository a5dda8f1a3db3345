using AutoMapper;
using AutoMapper.QueryableExtensions;
using CustomerCare.Application.Common.Extensions;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Common.Models;
using CustomerCare.Application.Staff.Queries.GetStaffMember;
using CustomerCare.Domain.Organisation;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Application.Staff.Queries.ListStaff;

/// <summary>Staff by name; <paramref name="Search"/> matches name or e-mail.</summary>
public sealed record ListStaffQuery(
    string? Search = null, Guid? DepartmentId = null, Role? Role = null, bool IncludeInactive = false,
    int Page = 1, int PageSize = Paging.DefaultPageSize) : IQuery<PagedList<StaffMemberDto>>;

public sealed class ListStaffQueryHandler(IApplicationDbContext db, IMapper mapper)
    : IQueryHandler<ListStaffQuery, PagedList<StaffMemberDto>>
{
    public async ValueTask<PagedList<StaffMemberDto>> Handle(ListStaffQuery query, CancellationToken cancellationToken)
    {
        var staff = db.Staff.AsNoTracking();
        if (!query.IncludeInactive)
        {
            staff = staff.Where(s => s.IsActive);
        }

        staff = staff
            .FilterBy(query.DepartmentId, departmentId => s => s.DepartmentId == departmentId)
            .FilterBy(query.Role, role => s => s.Roles.Contains(role));

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var pattern = Like.Contains(query.Search);
            staff = staff.Where(s => EF.Functions.Like(s.Name.ToLower(), pattern, Like.Escape) || EF.Functions.Like(s.Email, pattern, Like.Escape));
        }

        return await PagedList<StaffMemberDto>.CreateAsync(
            staff.OrderBy(s => s.Name).ThenBy(s => s.Id).ProjectTo<StaffMemberDto>(mapper.ConfigurationProvider),
            query.Page, query.PageSize, cancellationToken);
    }
}
