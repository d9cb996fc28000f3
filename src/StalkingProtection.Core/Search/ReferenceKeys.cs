using System.Globalization;
using System.Text;

namespace StalkingProtection.Core.Search;

/// <summary>
/// The one form a reference is stored and searched in, so that the search finds it by equality on an index (P1) whichever
/// way it was typed: capitals, no spaces. A PNC ID ("12/34567A", "2012/0034567A", "1234567a") also loses its slash, the
/// first two digits of a four-digit year and the leading zeros of its serial, as the PNC writes the same ID in each of those
/// forms; a value that is not shaped like a PNC ID keeps only the capitals and no spaces.
/// </summary>
public static class ReferenceKeys
{
    public static string Of(string reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var key = new StringBuilder(reference.Length);
        foreach (var c in reference)
        {
            if (!char.IsWhiteSpace(c))
            {
                key.Append(char.ToUpperInvariant(c));
            }
        }

        return key.ToString();
    }

    public static string PncId(string pncId)
    {
        var key = Of(pncId);
        if (key.Length < 3 || !char.IsAsciiLetterUpper(key[^1]))
        {
            return key;
        }

        var digits = key[..^1];
        string year, serial;
        var slash = digits.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            (year, serial) = (digits[..slash], digits[(slash + 1)..]);
        }
        else
        {
            // Without its slash, the long form is a four-digit year and a seven-digit serial; any other length has a two-digit year.
            var yearLength = digits.Length == 11 ? 4 : 2;
            (year, serial) = (digits[..Math.Min(yearLength, digits.Length)], digits[Math.Min(yearLength, digits.Length)..]);
        }

        if (year.Length is not (2 or 4) || serial.Length is 0 or > 7 || !year.All(char.IsAsciiDigit) || !serial.All(char.IsAsciiDigit))
        {
            return key;
        }

        var number = int.Parse(serial, CultureInfo.InvariantCulture);
        return string.Create(CultureInfo.InvariantCulture, $"{year[^2..]}/{number}{key[^1]}");
    }
}
