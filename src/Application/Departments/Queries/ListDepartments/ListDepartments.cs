using AutoMapper;
using AutoMapper.QueryableExtensions;
using CustomerCare.Application.Common.Extensions;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Common.Models;
using CustomerCare.Application.Departments.Queries.GetDepartment;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Application.Departments.Queries.ListDepartments;

/// <summary>Departments by name; <paramref name="Search"/> matches name or code.</summary>
public sealed record ListDepartmentsQuery(
    string? Search = null, Guid? ParentId = null, bool IncludeInactive = false,
    int Page = 1, int PageSize = Paging.DefaultPageSize) : IQuery<PagedList<DepartmentDto>>;

public sealed class ListDepartmentsQueryHandler(IApplicationDbContext db, IMapper mapper)
    : IQueryHandler<ListDepartmentsQuery, PagedList<DepartmentDto>>
{
    public async ValueTask<PagedList<DepartmentDto>> Handle(ListDepartmentsQuery query, CancellationToken cancellationToken)
    {
        var departments = db.Departments.AsNoTracking();
        if (!query.IncludeInactive)
        {
            departments = departments.Where(d => d.IsActive);
        }

        departments = departments.FilterBy(query.ParentId, parentId => d => d.ParentId == parentId);

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var pattern = Like.Contains(query.Search);
            departments = departments.Where(d =>
                EF.Functions.Like(d.Name.ToLower(), pattern, Like.Escape) || EF.Functions.Like(d.Code.ToLower(), pattern, Like.Escape));
        }

        return await PagedList<DepartmentDto>.CreateAsync(
            departments.OrderBy(d => d.Name).ThenBy(d => d.Id).ProjectTo<DepartmentDto>(mapper.ConfigurationProvider),
            query.Page, query.PageSize, cancellationToken);
    }
}
