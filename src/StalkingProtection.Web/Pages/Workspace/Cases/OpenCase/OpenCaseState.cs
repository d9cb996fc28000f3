using Microsoft.AspNetCore.Mvc.Rendering;
using StalkingProtection.Core.Cases;

namespace StalkingProtection.Web.Pages.Workspace.Cases.OpenCase;

public sealed record OpenCaseState(IReadOnlyList<string> CrimeReferences, IReadOnlyList<OffencesConsidered> Offences, DateOnly ReportedOn,
    string OfficerInCharge, string Team);

public static class OffenceChoices
{
    public static IReadOnlyList<SelectListItem> Items { get; } =
    [
        new("Harassment (Protection from Harassment Act 1997 s.2)", nameof(OffencesConsidered.HarassmentPha2)),
        new("Stalking (Protection from Harassment Act 1997 s.2A)", nameof(OffencesConsidered.StalkingPha2A)),
        new("Putting people in fear of violence (Protection from Harassment Act 1997 s.4)", nameof(OffencesConsidered.FearOfViolencePha4)),
        new("Stalking involving fear of violence or serious alarm or distress (Protection from Harassment Act 1997 s.4A)", nameof(OffencesConsidered.StalkingFearOfViolencePha4A)),
    ];

    public static string Describe(OffencesConsidered offences) =>
        offences == OffencesConsidered.None
            ? "None"
            : string.Join("; ", Items.Where(i => offences.HasFlag(Enum.Parse<OffencesConsidered>(i.Value))).Select(i => i.Text));

    public static OffencesConsidered Combine(IEnumerable<OffencesConsidered> offences) =>
        offences.Aggregate(OffencesConsidered.None, (all, o) => all | o);
}
