using StalkingProtection.Core.Reports;

namespace StalkingProtection.Core.Orders;

/// <summary>The reference of an order that staff give the victim, so that a breach reported online finds its order.</summary>
public static class OrderVictimReference
{
    public const string Prefix = "SPO";
    public const int Length = 13;

    public static string New() => PublicReference.New(Prefix);

    /// <summary>
    /// The reference as stored (SPO-7KQ2-M9XD) from what someone typed: any case, spaces or hyphens, with or without "SPO"; null
    /// when it cannot be one.
    /// </summary>
    public static string? Normalise(string? typed)
    {
        if (typed is null)
        {
            return null;
        }

        var letters = new string([.. typed.Where(char.IsAsciiLetterOrDigit).Select(char.ToUpperInvariant)]);
        if (letters.StartsWith(Prefix, StringComparison.Ordinal) && letters.Length == Prefix.Length + 8)
        {
            letters = letters[Prefix.Length..];
        }

        var onlySeparators = typed.All(c => char.IsAsciiLetterOrDigit(c) || c is ' ' or '-');
        return onlySeparators && letters.Length == 8 && letters.All(c => PublicReference.Alphabet.Contains(c, StringComparison.Ordinal))
            ? $"{Prefix}-{letters[..4]}-{letters[4..]}"
            : null;
    }
}
