using CustomerCare.Application.Common.Options;
using CustomerCare.Application.Common.Validation;
using CustomerCare.Domain.Organisation;
using FluentValidation;
using Microsoft.Extensions.Options;

namespace CustomerCare.Application.Departments.Commands.SetDepartmentRobot;

public sealed class SetDepartmentRobotCommandValidator : AbstractValidator<SetDepartmentRobotCommand>
{
    public SetDepartmentRobotCommandValidator(IValidator<DepartmentRobotInput> input)
    {
        RuleFor(c => c.DepartmentId).NotEmpty();
        RuleFor(c => c.Kind).Must(DepartmentRobotKind.IsKind).WithMessage(_ => DepartmentRobotKind.Message);
        RuleFor(c => c.Input).NotNull().SetValidator(input).OverridePropertyName(string.Empty);
        RuleFor(c => c.Input.Secret).Empty().WithMessage(_ => ValidationTexts.Get("RobotSecretDingTalkOnly")).OverridePropertyName("secret")
            .When(c => c.Input is not null && DepartmentRobotKind.IsKind(c.Kind) && c.ParsedKind != GroupRobotKind.DingTalk);
    }
}

/// <summary>
/// A robot's address: absolute https (http only where the operator allows it, for a test receiver), without credentials
/// or fragment, on 企业微信's or 钉钉's host or one the operator added — never an address inside our own network.
/// </summary>
public sealed class DepartmentRobotInputValidator : AbstractValidator<DepartmentRobotInput>
{
    public DepartmentRobotInputValidator(IOptions<NotificationOptions> options)
    {
        var robots = options.Value.Robots;
        RuleFor(i => i.WebhookUrl).NotEmpty().MaximumLength(DepartmentRobot.WebhookUrlMaxLength)
            .Must(url => IsAcceptable(url, robots))
            .WithMessage(_ => ValidationTexts.Format("RobotUrl", string.Join(", ", RobotChannelOptions.PublicHosts.Concat(robots.AdditionalHosts))));
        RuleFor(i => i.Secret).MaximumLength(DepartmentRobot.SecretMaxLength);
    }

    private static bool IsAcceptable(string? text, RobotChannelOptions options) =>
        WebAddresses.IsCallable(text, options.AllowHttp, out var uri) && options.IsAllowedHost(uri!.Host);
}
