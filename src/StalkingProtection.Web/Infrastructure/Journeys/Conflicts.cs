namespace StalkingProtection.Web.Infrastructure.Journeys;

/// <summary>RL4: the words for "someone else saved this record after you opened it"; nothing of the user's change was saved.</summary>
public static class Conflicts
{
    public const string Message =
        "Someone else changed this record while you were working on it. Check the current details below, then make your change again";

    public static string Heading(string record) => $"Someone else changed this {record} while you were working on it";
}
