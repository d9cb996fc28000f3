using System.Text;
using StalkingProtection.Core.People;

namespace StalkingProtection.Core.Data.Migrations;

/// <summary>
/// The migration that adds <see cref="PersonName.FamilySearchKey"/> fills it for the names already recorded with one SQL
/// statement both databases run alike: lower() for the ASCII letters, and replace() for every Latin letter with an accent
/// (U+00C0 to U+024F), apostrophe, full stop, hyphen and space, each mapped as <see cref="PersonName.SearchKey"/> maps it.
/// </summary>
public static class FamilySearchKeyBackfill
{
    public static string Sql()
    {
        var expression = new StringBuilder("family_name");
        var replacements = new List<(string From, string To)> { ("'", ""), ("\u2019", ""), (".", ""), ("-", ""), (" ", "") };
        for (var c = '\u00C0'; c <= '\u024F'; c++)
        {
            var from = c.ToString();
            var to = PersonName.SearchKey(from);
            if (to != from)
            {
                replacements.Add((from, to));
            }
        }

        foreach (var (from, to) in replacements)
        {
            expression.Insert(0, "replace(").Append($", '{from.Replace("'", "''", StringComparison.Ordinal)}', '{to}')");
        }

        return $"UPDATE person_names SET family_search_key = lower({expression})";
    }
}
