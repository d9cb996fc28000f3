using System.Text.Json;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace StalkingProtection.Web.Infrastructure.Journeys;

/// <summary>
/// The answers of a multi-page journey between its question page and "Check your answers", held in TempData (a cookie
/// protected by Data Protection) under the journey's id from the URL, so nothing is saved before the user confirms.
/// </summary>
public static class JourneyState
{
    private static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web);

    private static string Key(Guid journey) => "journey:" + journey.ToString("N");

    public static void Save<T>(ITempDataDictionary tempData, Guid journey, T state)
    {
        ArgumentNullException.ThrowIfNull(tempData);
        tempData[Key(journey)] = JsonSerializer.Serialize(state, _json);
    }

    public static T? Load<T>(ITempDataDictionary tempData, Guid journey)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(tempData);
        return tempData.Peek(Key(journey)) is string json ? JsonSerializer.Deserialize<T>(json, _json) : null;
    }

    public static void Clear(ITempDataDictionary tempData, Guid journey)
    {
        ArgumentNullException.ThrowIfNull(tempData);
        tempData.Remove(Key(journey));
    }
}
