using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using StalkingProtection.Core.Rules;

namespace StalkingProtection.Core.Orders;

/// <summary>
/// SPA 2019 s.2(4), R10: a locality may be recorded as a polygon as well as in words. The polygon is a GeoJSON Polygon (RFC 7946):
/// one or more linear rings of longitude/latitude positions, each closed and of at least 4 positions.
/// </summary>
public static class LocalityMap
{
    public const int MapReferenceMaxLength = 500;
    public const int PolygonMaxLength = 20000;
    public const int MaxRings = 20;

    /// <summary>Checks the map reference and polygon of a condition limited to a locality; fields are prefixed with <paramref name="prefix"/>.</summary>
    public static RuleCheck Check(string? mapReference, string? polygon, string prefix)
    {
        var check = new RuleCheck()
            .Must((mapReference?.Length ?? 0) <= MapReferenceMaxLength, "Input", prefix + "mapReference",
                $"The map reference is at most {MapReferenceMaxLength} characters", "");
        if (!string.IsNullOrWhiteSpace(polygon))
        {
            // SPA 2019 s.2(4), R10.
            var error = PolygonError(polygon);
            check.Must(error is null, "R10", prefix + "localityPolygon",
                $"The locality's map polygon is not a valid GeoJSON Polygon: {error} (SPA 2019 s.2(4), R10)", "SPA 2019 s.2(4)");
        }

        return check;
    }

    /// <summary>The polygon in compact form, or null when none was given. Call only after <see cref="Check"/> passed.</summary>
    public static string? Normalise(string? polygon) =>
        string.IsNullOrWhiteSpace(polygon) ? null : JsonNode.Parse(polygon)!.ToJsonString();

    /// <summary>Why the text is not a GeoJSON Polygon, in plain words, or null when it is one.</summary>
    public static string? PolygonError(string polygon)
    {
        if (polygon.Length > PolygonMaxLength)
        {
            return $"it is longer than {PolygonMaxLength} characters";
        }

        JsonNode? root;
        try
        {
            root = JsonNode.Parse(polygon, documentOptions: new JsonDocumentOptions { MaxDepth = 8 });
        }
        catch (JsonException)
        {
            return "it is not JSON";
        }

        if (root is not JsonObject obj)
        {
            return "it must be a JSON object";
        }

        if (obj["type"] is not JsonValue type || !type.TryGetValue<string>(out var typeName) || typeName != "Polygon")
        {
            return "its \"type\" must be \"Polygon\"";
        }

        if (obj["coordinates"] is not JsonArray rings || rings.Count == 0)
        {
            return "\"coordinates\" must be a list of rings";
        }

        if (rings.Count > MaxRings)
        {
            return $"it has more than {MaxRings} rings";
        }

        for (var r = 0; r < rings.Count; r++)
        {
            if (rings[r] is not JsonArray ring)
            {
                return $"ring {r + 1} must be a list of positions";
            }

            if (ring.Count < 4)
            {
                return $"ring {r + 1} has {ring.Count} positions, and a ring needs at least 4";
            }

            var positions = new List<(double Lon, double Lat)>(ring.Count);
            for (var p = 0; p < ring.Count; p++)
            {
                if (Position(ring[p]) is not { } position)
                {
                    return $"position {p + 1} of ring {r + 1} must be [longitude, latitude] in decimal degrees";
                }

                if (position.Lon is < -180 or > 180 || position.Lat is < -90 or > 90)
                {
                    return string.Create(CultureInfo.InvariantCulture,
                        $"position {p + 1} of ring {r + 1} ({position.Lon}, {position.Lat}) is out of range: longitude is -180 to 180 and latitude -90 to 90");
                }

                positions.Add(position);
            }

            if (positions[0] != positions[^1])
            {
                return $"ring {r + 1} is not closed: its last position must repeat its first";
            }

            if (positions.Distinct().Count() < 3)
            {
                return $"ring {r + 1} needs at least 3 different positions";
            }
        }

        return null;
    }

    private static (double Lon, double Lat)? Position(JsonNode? node)
    {
        if (node is not JsonArray { Count: 2 or 3 } position)
        {
            return null;
        }

        var values = new double[position.Count];
        for (var i = 0; i < position.Count; i++)
        {
            if (position[i] is not JsonValue value || value.GetValueKind() != JsonValueKind.Number || !value.TryGetValue(out values[i]) || !double.IsFinite(values[i]))
            {
                return null;
            }
        }

        return (values[0], values[1]);
    }
}
