using System.Collections;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace PartnerWatch.Config;

/// <summary>
/// Binds the <c>PartnerWatch</c> section one part at a time so that one bad value does not hide the others,
/// and reports keys that match no option (a typo such as <c>Site</c> for <c>Sites</c> would otherwise be ignored).
/// </summary>
internal static partial class OptionsBinder
{
    public static void Bind(IConfigurationSection section, PartnerWatchOptions options, List<ConfigProblem> problems)
    {
        ReportUnknownKeys(section, typeof(PartnerWatchOptions), problems);

        options.Brands = BindList<BrandOptions>(section.GetSection(nameof(PartnerWatchOptions.Brands)), problems);
        options.Sites = BindList<SiteOptions>(section.GetSection(nameof(PartnerWatchOptions.Sites)), problems);
        options.ConfirmedPartners = BindConfirmedPartners(section.GetSection(nameof(PartnerWatchOptions.ConfirmedPartners)));
        options.ConfirmedPartnerSources = BindList<ConfirmedPartnerSourceOptions>(section.GetSection(nameof(PartnerWatchOptions.ConfirmedPartnerSources)), problems);
        options.Fetch = BindObject<FetchOptions>(section.GetSection(nameof(PartnerWatchOptions.Fetch)), problems);
        options.Schedule = BindObject<ScheduleOptions>(section.GetSection(nameof(PartnerWatchOptions.Schedule)), problems);
        options.Smtp = BindObject<SmtpOptions>(section.GetSection(nameof(PartnerWatchOptions.Smtp)), problems);
        options.Storage = BindObject<StorageOptions>(section.GetSection(nameof(PartnerWatchOptions.Storage)), problems);
        options.Detection = BindObject<DetectionOptions>(section.GetSection(nameof(PartnerWatchOptions.Detection)), problems);
        options.Logging = BindObject<LoggingOptions>(section.GetSection(nameof(PartnerWatchOptions.Logging)), problems);
        options.Alerts = BindObject<AlertsOptions>(section.GetSection(nameof(PartnerWatchOptions.Alerts)), problems);
        options.Api = BindObject<ApiOptions>(section.GetSection(nameof(PartnerWatchOptions.Api)), problems);
        options.Webhooks = BindList<WebhookOptions>(section.GetSection(nameof(PartnerWatchOptions.Webhooks)), problems);
        options.Console = BindObject<PartnerWatch.WebConsole.ConsoleOptions>(section.GetSection(nameof(PartnerWatchOptions.Console)), problems);
        options.Cluster = BindObject<ClusterOptions>(section.GetSection(nameof(PartnerWatchOptions.Cluster)), problems);
    }

    private static List<T> BindList<T>(IConfigurationSection section, List<ConfigProblem> problems) where T : new()
    {
        var items = new List<T>();
        foreach (var child in section.GetChildren().OrderBy(c => int.TryParse(c.Key, out var i) ? i : int.MaxValue))
        {
            if (!int.TryParse(child.Key, out _))
            {
                problems.Add(new ConfigProblem(child.Path, "expected a JSON array here"));
                continue;
            }
            items.Add(BindObject<T>(child, problems));
        }
        return items;
    }

    private static T BindObject<T>(IConfigurationSection section, List<ConfigProblem> problems) where T : new() =>
        (T)BindObject(typeof(T), section, problems);

    private static object BindObject(Type type, IConfigurationSection section, List<ConfigProblem> problems)
    {
        // Bind property by property: the binder stops at the first bad value, and every bad value should be reported.
        var target = Activator.CreateInstance(type)!;
        foreach (var child in section.GetChildren())
        {
            var property = type.GetProperty(child.Key, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            if (property is null) continue; // reported as unknown key
            if (IsNestedOptions(property.PropertyType) && property.CanWrite)
            {
                // A nested section (Fetch:Browser) is bound key by key too, so its errors name the exact key.
                property.SetValue(target, BindObject(property.PropertyType, child, problems));
                continue;
            }
            try
            {
                var single = new ConfigurationBuilder()
                    .AddInMemoryCollection(Flatten(child, section.Path))
                    .Build();
                single.Bind(target);
            }
            catch (InvalidOperationException ex)
            {
                problems.Add(new ConfigProblem(child.Path, DescribeConversionError(ex, property.PropertyType)));
            }
        }
        return target;
    }

    private static bool IsNestedOptions(Type type) =>
        type.IsClass && type != typeof(string) && !typeof(IEnumerable).IsAssignableFrom(type)
        && type.Namespace == typeof(PartnerWatchOptions).Namespace && type.GetConstructor(Type.EmptyTypes) is not null;

    private static IEnumerable<KeyValuePair<string, string?>> Flatten(IConfigurationSection child, string parentPath)
    {
        var prefixLength = parentPath.Length + 1;
        return child.AsEnumerable()
            .Where(pair => pair.Value is not null && pair.Key.Length > prefixLength)
            .DistinctBy(pair => pair.Key, StringComparer.OrdinalIgnoreCase)
            .Select(pair => new KeyValuePair<string, string?>(pair.Key[prefixLength..], pair.Value));
    }

    private static Dictionary<string, List<string>> BindConfirmedPartners(IConfigurationSection section)
    {
        var result = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var brand in section.GetChildren())
        {
            // An empty JSON array arrives as an empty string value; a single string is a one-entry list.
            var entries = brand.Value is { Length: > 0 } single
                ? [single]
                : brand.GetChildren().Select(e => e.Value).OfType<string>().ToList();
            result[brand.Key] = entries;
        }
        return result;
    }

    private static string DescribeConversionError(InvalidOperationException ex, Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        var value = ValueInMessage().Match(ex.Message) is { Success: true } m ? $"'{m.Groups[1].Value}'" : "the value";
        var expected = underlying switch
        {
            _ when underlying == typeof(TimeSpan) => "a duration such as \"06:00:00\" (hh:mm:ss) or \"1.00:00:00\" (d.hh:mm:ss)",
            _ when underlying == typeof(int) || underlying == typeof(long) => "a whole number",
            _ when underlying == typeof(double) => "a number",
            _ when underlying == typeof(bool) => "true or false",
            _ when underlying.IsEnum => "one of " + string.Join(", ", Enum.GetNames(underlying)),
            _ => "a value of type " + underlying.Name,
        };
        return $"{value} is not {expected}";
    }

    private static void ReportUnknownKeys(IConfigurationSection section, Type type, List<ConfigProblem> problems)
    {
        foreach (var child in section.GetChildren())
        {
            var property = type.GetProperty(child.Key, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            if (property is null || property.Name == nameof(PartnerWatchOptions.BaseDirectory))
            {
                var known = type.GetProperties().Select(p => p.Name).Where(n => n != nameof(PartnerWatchOptions.BaseDirectory));
                problems.Add(new ConfigProblem(child.Path, $"unknown key; expected one of {string.Join(", ", known)}"));
                continue;
            }
            var propertyType = property.PropertyType;
            if (propertyType == typeof(string) || propertyType.IsValueType || Nullable.GetUnderlyingType(propertyType) is not null)
                continue;
            if (typeof(IDictionary).IsAssignableFrom(propertyType))
                continue;
            if (propertyType.IsGenericType && propertyType.GetGenericTypeDefinition() == typeof(List<>))
            {
                var element = propertyType.GetGenericArguments()[0];
                if (element != typeof(string))
                    foreach (var item in child.GetChildren())
                        ReportUnknownKeys(item, element, problems);
                continue;
            }
            ReportUnknownKeys(child, propertyType, problems);
        }
    }

    [GeneratedRegex("value '([^']*)'")]
    private static partial Regex ValueInMessage();
}
