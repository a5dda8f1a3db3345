namespace CustomerCare.Application.ReferenceData.Queries.GetReferenceData;

/// <summary>A value as the API sends it, with what to show people for it in English and in Simplified Chinese.</summary>
public sealed record LabelDto(string Value, string En, string ZhCn);

/// <summary>
/// The closed sets front ends label: each value the API accepts or sends, with display names in both languages.
/// Categories and causes are the active ones administrators keep (<c>/categories</c>, <c>/causes</c>), with their names.
/// </summary>
public sealed record ReferenceDataDto(
    IReadOnlyList<LabelDto> Categories,
    IReadOnlyList<LabelDto> Causes,
    IReadOnlyList<LabelDto> Channels,
    IReadOnlyList<LabelDto> ImpactScopes,
    IReadOnlyList<LabelDto> Severities,
    IReadOnlyList<LabelDto> ComplaintStatuses,
    IReadOnlyList<LabelDto> ComplaintActions,
    IReadOnlyList<LabelDto> ClosingReasons);
