namespace StalkingProtection.Core.People;

/// <summary>
/// What merging two records of one person did: the record kept and the one merged into it, the victim roles and the respondent
/// record that moved, the names that became aliases, and, when both were respondents, what was held against the respondent merged
/// (<see cref="RespondentsCombined"/>). The merge is logged as a combination of personal data with its reason (DPA 2018 s.62(1)).
/// Pages show the words from <see cref="Explain"/>.
/// </summary>
public sealed class PersonMergedOutcome
{
    internal PersonMergedOutcome(Person keep, Person merged, IReadOnlyList<Guid> movedVictimIds, Guid? movedRespondentId, int namesAdded,
        RespondentsCombined? respondentsCombined)
    {
        KeptPersonId = keep.Id;
        KeptName = NameOf(keep);
        MergedPersonId = merged.Id;
        MergedName = NameOf(merged);
        MovedVictimIds = movedVictimIds;
        MovedRespondentId = movedRespondentId;
        NamesAdded = namesAdded;
        RespondentsCombined = respondentsCombined;
    }

    public Guid KeptPersonId { get; }

    public string KeptName { get; }

    /// <summary>The record merged: it is kept, marked merged into the one kept, and nothing is deleted.</summary>
    public Guid MergedPersonId { get; }

    public string MergedName { get; }

    /// <summary>The victim and protected person roles that moved to the record kept.</summary>
    public IReadOnlyList<Guid> MovedVictimIds { get; }

    /// <summary>The respondent record that moved to the record kept, when only the record merged was a respondent.</summary>
    public Guid? MovedRespondentId { get; }

    /// <summary>The names of the record merged that became aliases of the record kept.</summary>
    public int NamesAdded { get; }

    /// <summary>When both were respondents: the cases, applications, orders and notifications that moved to the respondent kept.</summary>
    public RespondentsCombined? RespondentsCombined { get; }

    public const string LegalSource = "DPA 2018 s.62(1)";

    /// <summary>The outcome in plain English.</summary>
    public string Explain()
    {
        var moved = new List<string>();
        if (MovedVictimIds.Count > 0)
        {
            moved.Add(Count(MovedVictimIds.Count, "victim or protected person role", "victim or protected person roles"));
        }

        if (MovedRespondentId is not null)
        {
            moved.Add("the respondent record");
        }

        if (RespondentsCombined is { } c)
        {
            moved.Add($"everything held against the respondent: {Count(c.CaseIds.Count, "case", "cases")}, {Count(c.OrderIds.Count, "order", "orders")}, "
                + $"{Count(c.NotificationIds.Count, "notification", "notifications")} and {Count(c.NotificationObligationIds.Count, "notification duty", "notification duties")}");
        }

        if (NamesAdded > 0)
        {
            moved.Add(Count(NamesAdded, "name as an alias", "names as aliases"));
        }

        var what = moved.Count == 0 ? "Nothing else was held on it." : $"Moved to {KeptName}: {string.Join("; ", moved)}.";
        return $"Records merged: {MergedName} was merged into {KeptName}. {what} The record merged is kept, marked as merged, and the merge is logged "
            + $"with its reason ({LegalSource}).";
    }

    private static string NameOf(Person person) => $"{person.PrimaryName.GivenNames} {person.PrimaryName.FamilyName}".Trim();

    private static string Count(int n, string one, string many) => n == 1 ? $"1 {one}" : $"{n} {many}";
}
