using AutoMapper;

namespace CustomerCare.Application.Common.Mappings;

/// <summary>
/// Values a mapping needs besides its source (the moment "now" for clock-dependent states, the caller's view), passed as
/// AutoMapper context items so that DTOs are built once, immutable, by their profile.
/// </summary>
public static class MappingContext
{
    public const string Now = "now";

    /// <summary>Maps <paramref name="source"/> with the given context items.</summary>
    public static TDestination Map<TDestination>(this IMapper mapper, object source, params (string Key, object Value)[] items) =>
        mapper.Map<TDestination>(source, options =>
        {
            foreach (var (key, value) in items)
            {
                options.Items[key] = value;
            }
        });

    /// <summary>The item <paramref name="key"/> when the caller passed one.</summary>
    public static T? OptionalItem<T>(this ResolutionContext context, string key)
        where T : struct =>
        context.TryGetItems(out var items) && items.TryGetValue(key, out var value) && value is T typed ? typed : null;

    /// <summary>The item <paramref name="key"/> the caller passed; a mapping that needs it and did not get it is a bug.</summary>
    public static T Item<T>(this ResolutionContext context, string key) =>
        context.TryGetItems(out var items) && items.TryGetValue(key, out var value) && value is T typed
            ? typed
            : throw new InvalidOperationException($"This mapping needs the context item '{key}' ({typeof(T).Name}).");
}
