using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace StalkingProtection.Web.Infrastructure.Journeys;

/// <summary>The one "done" message a journey leaves for the page it returns to, shown once by the _Flash partial.</summary>
public static class Flash
{
    public const string Key = "Flash";

    public static void Set(ITempDataDictionary tempData, string message)
    {
        ArgumentNullException.ThrowIfNull(tempData);
        tempData[Key] = message;
    }
}
