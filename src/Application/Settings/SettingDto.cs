using CustomerCare.Application.Common.Models;

namespace CustomerCare.Application.Settings;

/// <summary>A setting as the API shows it, with its version for If-Match.</summary>
public sealed record SettingDto<T>(T Value, uint Version) : IVersioned;
