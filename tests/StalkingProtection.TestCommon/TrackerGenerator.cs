using System.Globalization;
using System.Text;
using StalkingProtection.Core.Import;

namespace StalkingProtection.TestCommon;

/// <summary>
/// A fictional SPO tracker of any size in the columns of docs/import-tracker.md, the same for the same seed: full and interim
/// orders, fixed and until further order, served or not, some notified, breached (before service too), varied or discharged, and one respondent in seven
/// already named on an earlier row (by PNC ID) so the import's matching of people is exercised. Every row keeps the rules.
/// </summary>
public static class TrackerGenerator
{
    private static readonly string[] _families = ["Ashworth", "Brennan", "Calloway", "Doherty", "Eastwood", "Fairbairn", "Gillespie", "Haworth", "Ingram", "Jessop"];
    private static readonly string[] _given = ["Darren James", "Liam", "Stephen Paul", "Ryan", "Gavin Lee", "Christopher", "Mark Anthony", "Jamie", "Owen", "Craig"];
    private static readonly string[] _protected = ["Kirsty Ellam", "Sophie Marsh", "Joanne Pryce", "Megan Foulkes", "Tanya Okafor", "Nadia Hussain", "Rebecca Lowe"];
    private static readonly string[] _courts = ["Coventry Magistrates' Court", "Birmingham Magistrates' Court", "Wolverhampton Magistrates' Court", "Walsall Magistrates' Court"];
    private static readonly string[] _officers = ["DC Helen Rudd", "PC Omar Siddiqui", "DS Karen Whitlock"];

    public static string Csv(int rows, int seed)
    {
        var random = new Random(seed);
        var text = new StringBuilder(string.Join(",", TrackerColumns.All.Select(c => c.Header))).Append("\r\n");
        for (var i = 0; i < rows; i++)
        {
            // One in seven respondents is the person of an earlier row: the same PNC ID, family name and date of birth.
            var person = i >= 7 && i % 7 == 0 ? random.Next(i) : i;
            var family = $"{_families[person % _families.Length]}{Letters(person)}";
            var born = new DateOnly(1960, 1, 1).AddDays(person * 37 % 12_000);
            var pnc = $"{born.Year % 100:00}/{person:000000}{(char)('A' + person % 26)}";
            var victim = _protected[random.Next(_protected.Length)];
            var applied = new DateOnly(2022, 1, 3).AddDays(random.Next(800));
            var interim = random.Next(5) == 0;
            var made = applied.AddDays(random.Next(1, 15));
            var served = random.Next(8) == 0 ? (DateOnly?)null : made.AddDays(random.Next(0, 3));
            var untilFurtherOrder = !interim && random.Next(4) == 0;
            var lastDay = interim ? made.AddDays(27) : made.AddYears(2).AddDays(-1);
            var conditions = new List<string> { $"Must not contact {victim} directly or indirectly" };
            if (random.Next(2) == 0)
            {
                conditions.Add($"Must not post about {victim} on social media or any website");
            }

            if (random.Next(4) == 0)
            {
                conditions.Add("Must report to the police station every Monday");
            }

            var breaches = new List<string>();
            if (served is { } s && !interim && random.Next(6) == 0)
            {
                breaches.Add($"{Date(s.AddDays(random.Next(5, 200)))} sent a message through a friend");
            }

            // SPA 2019 s.8(1), R35: an incident on the day the order was made, before it was served, goes to legal review.
            if (served is { } late && late > made && random.Next(4) == 0)
            {
                breaches.Insert(0, $"{Date(made)} waited outside the protected person's home");
            }

            var breach = string.Join("; ", breaches);

            // SPA 2019 s.9(1), R25: most respondents served notify within three days, a few later, and some again at a later date.
            var notifications = new List<DateOnly>();
            if (served is { } notifiedFrom && random.Next(4) != 0)
            {
                notifications.Add(notifiedFrom.AddDays(random.Next(0, 5)));
                if (!interim && random.Next(3) == 0)
                {
                    notifications.Add(notifications[0].AddDays(random.Next(20, 300)));
                }
            }

            var variation = !interim && random.Next(10) == 0 ? $"{Date(made.AddDays(random.Next(60, 300)))} condition on social media added" : "";
            // SPA 2019 s.4, R22: without the respondent's consent a full order is discharged only after its first two years.
            var discharged = served is not null && untilFurtherOrder && random.Next(3) == 0 ? Date(made.AddYears(2).AddDays(30)) : "";
            string[] cells =
            [
                $"DRILL-SPO-{i:000000}", family, _given[person % _given.Length], Date(born), pnc, victim, "West Midlands", Date(applied),
                random.Next(2) == 0 ? Date(made) : "", _courts[random.Next(_courts.Length)], interim ? "Interim" : "Full", Date(made),
                served is { } on ? Date(on) : "", untilFurtherOrder ? TrackerColumns.UntilFurtherOrder : Date(lastDay), string.Join("; ", conditions),
                string.Join("; ", notifications.Select(Date)), breach, variation, discharged, _officers[random.Next(_officers.Length)],
            ];
            text.Append(string.Join(",", cells.Select(Quote))).Append("\r\n");
        }

        return text.ToString();
    }

    private static string Date(DateOnly day) => day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static string Quote(string cell) => cell.Contains(',', StringComparison.Ordinal) || cell.Contains('"', StringComparison.Ordinal)
        ? $"\"{cell.Replace("\"", "\"\"", StringComparison.Ordinal)}\""
        : cell;

    /// <summary>A family name of letters only, different for each person: "Ashworth" then a suffix such as "-Bcd".</summary>
    private static string Letters(int n)
    {
        var suffix = new StringBuilder("-");
        do
        {
            suffix.Append((char)((suffix.Length == 1 ? 'A' : 'a') + n % 26));
            n /= 26;
        }
        while (n > 0);
        return suffix.ToString();
    }
}
