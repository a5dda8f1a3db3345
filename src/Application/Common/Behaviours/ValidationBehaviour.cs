using FluentValidation;
using Mediator;
using Microsoft.Extensions.Logging;
using ValidationException = CustomerCare.Application.Common.Exceptions.ValidationException;

namespace CustomerCare.Application.Common.Behaviours;

/// <summary>
/// Runs every FluentValidation validator of the message; any failure stops the request before its
/// handler with a <see cref="ValidationException"/> carrying all field errors at once.
/// </summary>
public sealed class ValidationBehaviour<TMessage, TResponse>(
    IEnumerable<IValidator<TMessage>> validators, ILogger<TMessage> logger)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    private readonly IValidator<TMessage>[] _validators = validators.ToArray();

    public async ValueTask<TResponse> Handle(
        TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (_validators.Length > 0)
        {
            var context = new ValidationContext<TMessage>(message);
            var failures = new List<FluentValidation.Results.ValidationFailure>();
            foreach (var validator in _validators)
            {
                var result = await validator.ValidateAsync(context, cancellationToken);
                failures.AddRange(result.Errors);
            }

            if (failures.Count > 0)
            {
                PipelineLog.ValidationFailed(logger, typeof(TMessage).Name, failures.Count);
                throw new ValidationException(failures);
            }
        }

        return await next(message, cancellationToken);
    }
}
