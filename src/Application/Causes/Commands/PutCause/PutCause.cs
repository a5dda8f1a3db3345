using AutoMapper;
using CustomerCare.Application.Causes.Queries.GetCause;
using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Domain.Complaints;
using Mediator;
using Microsoft.EntityFrameworkCore;

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
        var cause = await db.ComplaintCauses.SingleOrDefaultAsync(c => c.Code == command.Code, cancellationToken);
        if (cause is null)
        {
            if (command.ExpectedVersion is not null)
            {
                throw new PreconditionFailedException();
            }

            cause = ComplaintCause.Create(command.Code, input.NameEn, input.NameZhCn, input.Active ?? true, now);
            db.ComplaintCauses.Add(cause);
        }
        else
        {
            db.ExpectVersion(cause, command.ExpectedVersion);
            cause.Update(input.NameEn, input.NameZhCn, input.Active ?? true, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return mapper.Map<CauseDto>(cause);
    }
}
