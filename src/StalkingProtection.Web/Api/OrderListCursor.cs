using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace StalkingProtection.Web.Api;

/// <summary>
/// Where a page of the orders list ended: the last order's day made and id, written opaquely so that clients pass it back
/// unchanged rather than build it.
/// </summary>
public static class OrderListCursor
{
    public static string Write(DateOnly madeOn, Guid id) =>
        WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes($"{madeOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}|{id:N}"));

    /// <summary>The position a cursor names, or null when it is not one this service wrote.</summary>
    public static (DateOnly MadeOn, Guid Id)? Read(string cursor)
    {
        if (cursor.Length is 0 or > 100)
        {
            return null;
        }

        string text;
        try
        {
            text = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(cursor));
        }
        catch (FormatException)
        {
            return null;
        }

        var parts = text.Split('|');
        return parts.Length == 2
            && DateOnly.TryParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var madeOn)
            && Guid.TryParseExact(parts[1], "N", out var id)
                ? (madeOn, id)
                : null;
    }
}
