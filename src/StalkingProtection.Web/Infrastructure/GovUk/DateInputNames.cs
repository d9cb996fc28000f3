using System.Text;

namespace StalkingProtection.Web.Infrastructure.GovUk;

/// <summary>
/// Field names for a date input bound to model name <c>X</c>: the parts post as <c>X.Day</c>, <c>X.Month</c>,
/// <c>X.Year</c> (so they sit under X in ModelState) and get the GOV.UK-style ids <c>{id}-day</c>, <c>{id}-month</c>,
/// <c>{id}-year</c>, where <c>{id}</c> is the field's usual ASP.NET id (dots become underscores).
/// </summary>
public static class DateInputNames
{
    public static string Day(string name) => name + ".Day";

    public static string Month(string name) => name + ".Month";

    public static string Year(string name) => name + ".Year";

    public static string DayId(string id) => id + "-day";

    public static string? Humanise(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return null;
        }

        var builder = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var character = name[i];
            if (i > 0 && char.IsUpper(character))
            {
                builder.Append(' ').Append(char.ToLowerInvariant(character));
            }
            else
            {
                builder.Append(i == 0 ? char.ToUpperInvariant(character) : character);
            }
        }

        return builder.ToString();
    }
}
