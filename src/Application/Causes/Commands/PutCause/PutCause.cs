using AutoMapper;
using CustomerCare.Application.Causes.Queries.GetCause;
using CustomerCare.Application.Common.Extensions;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Domain.Complaints;
using Mediator;

namespace CustomerCare.Application.Causes.Commands.PutCause;

/// <summary>
/// A cause as an administrator writes it: names in English and Simplified Chinese, and whether it may be chosen
/// (<c>active</c>, default true; false retires it).
/// </summary>
public sealed record CauseInput(string NameEn, string NameZhCn, bool? Active);

/// <summary>Creates the cause with this code, or replaces what it says (If-Match optional).</summary>
public sealed record PutCauseCommand(string Code, CauseInput Input, uint? ExpectedVersion) : ICommand<CauseDto>;

public sealed class PutCauseCommandHandler(IApplicationDbContext db, IMapper mapper, TimeProvider time) : ICommandHandler<PutCauseCommand, CauseDto>
{
    public async ValueTask<CauseDto> Handle(PutCauseCommand command, CancellationToken cancellationToken)
    {
        var input = command.Input;
        var now = time.GetUtcNow();
        var cause = await db.PutTermAsync(db.ComplaintCauses, command.Code, command.ExpectedVersion,
            () => ComplaintCause.Create(command.Code, input.NameEn, input.NameZhCn, input.Active ?? true, now),
            cause => cause.Update(input.NameEn, input.NameZhCn, input.Active ?? true, now), cancellationToken);
        return mapper.Map<CauseDto>(cause);
    }
}
