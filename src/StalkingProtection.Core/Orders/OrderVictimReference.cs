using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Reports;

namespace StalkingProtection.Core.Orders;

/// <summary>The reference of an order that staff give the victim, so that a breach reported online finds its order.</summary>
public static class OrderVictimReference
{
    public const string Prefix = "SPO";
    public const int Length = 13;

    public static string New() => PublicReference.New(Prefix);

    /// <summary>
    /// Gives a new reference to each order whose reference an order in the register, or an earlier one of <paramref name="orders"/>,
    /// already holds. Eight characters of 32 make about 1.1 million million references: a new order meets a taken one about once in
    /// a million at a million orders, and a tracker of a million rows imported at once would meet a clash about one time in three.
    /// </summary>
    internal static async Task ReissueTakenAsync(StalkingProtectionDbContext db, IReadOnlyCollection<StalkingProtectionOrder> orders, CancellationToken ct)
    {
        while (true)
        {
            var taken = new HashSet<string>(StringComparer.Ordinal);
            foreach (var chunk in orders.Select(o => o.VictimReference).OfType<string>().Chunk(1_000))
            {
                taken.UnionWith(await db.Orders.Where(o => chunk.Contains(o.VictimReference!)).Select(o => o.VictimReference!).ToListAsync(ct));
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            var clashing = orders.Where(o => o.VictimReference is { } reference && (taken.Contains(reference) || !seen.Add(reference))).ToList();
            if (clashing.Count == 0)
            {
                return;
            }

            foreach (var order in clashing)
            {
                order.ReissueVictimReference();
            }
        }
    }

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
