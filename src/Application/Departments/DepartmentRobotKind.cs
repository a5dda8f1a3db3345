using CustomerCare.Application.Common.Validation;
using CustomerCare.Domain.Common;
using CustomerCare.Domain.Organisation;

namespace CustomerCare.Application.Departments;

/// <summary>A robot kind as the route writes it: <c>weCom</c> or <c>dingTalk</c>.</summary>
internal static class DepartmentRobotKind
{
    public static string Message => ValidationTexts.Format("UseOneOf", string.Join(", ", Enum.GetNames<GroupRobotKind>().Select(LocalizableText.CamelCase)));

    public static bool IsKind(string? value) =>
        Enum.TryParse<GroupRobotKind>(value, ignoreCase: true, out var kind) && Enum.IsDefined(kind) && !int.TryParse(value, out _);
}
