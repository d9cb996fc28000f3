using Microsoft.Extensions.Options;
using StalkingProtection.Core.Time;

namespace StalkingProtection.Core.Rules;

/// <summary>From <see cref="From"/> (a conviction date) the magistrates' general limit is <see cref="Months"/> months.</summary>
public sealed record GeneralLimitPeriod(DateOnly From, int Months);

/// <summary>The version of the SPA 2019 s.12 statutory guidance in force from <see cref="From"/>.</summary>
public sealed record GuidanceVersion(DateOnly From, string Title);

/// <summary>
/// The parts of the law that spo-rules.md marks [U] (unverified), held as dated configuration so legal services
/// can change them without a release, and evaluated "as at" a date (spo-rules §11 LegalRuleSet). Every default is
/// the conservative reading the rulebook gives; legal sign-off is pending for each. Verified law stays in code.
/// Bound from <see cref="SectionName"/>; <see cref="LegalRuleSetValidator"/> checks it at start-up.
/// </summary>
public sealed class LegalRuleSet
{
    public const string SectionName = "StalkingProtection:LegalRules";

    /// <summary>SPA 2019 s.8(2)(b), R37: maximum on indictment for breach and s.11 offences.</summary>
    public const int IndictmentMaximumYears = 5;

    /// <summary>SI 2020/26 reg 2: the substantive provisions of SPA 2019 came into force.</summary>
    public static readonly DateOnly ActInForce = new(2020, 1, 20);

    /// <summary>SPA 2019 s.8(3), R37 [V]: an offence committed before this day keeps a 6-month summary maximum.</summary>
    public static readonly DateOnly GeneralLimitOffenceCutoff = new(2022, 5, 2);

    /// <summary>R37 [V PNLD-GL]: on conviction from this day an either-way offence has a 12-month summary maximum.</summary>
    public static readonly DateOnly TwelveMonthsForConvictionsFrom = new(2024, 11, 18);

    /// <summary>Crime and Policing Act 2026 Royal Assent; no commencement can precede it.</summary>
    public static readonly DateOnly CrimeAndPolicingActRoyalAssent = new(2026, 4, 29);

    /// <summary>spo-rules §6.3: the limit between 2 May 2022 and 17 November 2024 [U on the exact changeover dates].</summary>
    public static IReadOnlyList<GeneralLimitPeriod> DefaultMagistratesGeneralLimit { get; } =
    [
        new(new DateOnly(2022, 5, 2), 12),
        new(new DateOnly(2023, 3, 30), 6),
        new(new DateOnly(2024, 11, 18), 12),
    ];

    /// <summary>spo-rules §0 and §7.1; the day in January 2021 is not verified.</summary>
    public static IReadOnlyList<GuidanceVersion> DefaultStatutoryGuidance { get; } =
    [
        new(new DateOnly(2021, 1, 1), "Stalking Protection Orders: statutory guidance for the police (January 2021)"),
        new(new DateOnly(2024, 4, 22), "Stalking Protection Orders: statutory guidance for the police (April 2024)"),
    ];

    /// <summary>A fresh set of the defaults.</summary>
    public static LegalRuleSet Default => new();

    /// <summary>
    /// R37: the general limit by conviction date, for offences on or after 2 May 2022 convicted before 18 November
    /// 2024. Null uses <see cref="DefaultMagistratesGeneralLimit"/>; a configured table replaces it whole (the
    /// configuration binder appends to a non-empty list, so the default is not pre-filled here).
    /// </summary>
    public IList<GeneralLimitPeriod>? MagistratesGeneralLimit { get; set; }

    /// <summary>
    /// R43: the day the Crime and Policing Act 2026 provisions for court-made orders (on conviction or acquittal)
    /// come into force. Null means not commenced, which is the position until the commencement SI is checked.
    /// </summary>
    public DateOnly? CourtMadeOrdersCommencement { get; set; }

    /// <summary>R15: whether the 2-year minimum of SPA 2019 s.3(2) applies to each condition's own fixed period.</summary>
    public bool PerConditionMinimumDurationApplies { get; set; } = true;

    /// <summary>R23: days before the last in-force day to raise "consider renewal".</summary>
    public int RenewalLeadDays { get; set; } = 90;

    /// <summary>R42: days between management reviews (local policy; no statutory cadence).</summary>
    public int ReviewCadenceDays { get; set; } = 90;

    /// <summary>R24: business days to lodge an appeal (CrimPR r.34.2 as amended by SI 2021/849).</summary>
    public int AppealBusinessDays { get; set; } = StatutoryDates.DefaultAppealBusinessDays;

    /// <summary>SPA 2019 s.12 guidance versions. Null uses <see cref="DefaultStatutoryGuidance"/>.</summary>
    public IList<GuidanceVersion>? StatutoryGuidance { get; set; }

    public IReadOnlyList<GeneralLimitPeriod> MagistratesGeneralLimitInUse =>
        MagistratesGeneralLimit is { } configured ? [.. configured] : DefaultMagistratesGeneralLimit;

    public IReadOnlyList<GuidanceVersion> StatutoryGuidanceInUse =>
        StatutoryGuidance is { } configured ? [.. configured] : DefaultStatutoryGuidance;

    /// <summary>SPA 2019 s.8(2)(a) and (3), R37: the summary maximum term in months for a breach or s.11 offence.</summary>
    public int SummaryMaximumMonths(DateOnly offenceDate, DateOnly convictionDate)
    {
        if (convictionDate < offenceDate)
        {
            throw new ArgumentException("A conviction cannot precede the offence.", nameof(convictionDate));
        }

        // SPA 2019 s.8(3), R37 [V]
        if (offenceDate < GeneralLimitOffenceCutoff)
        {
            return 6;
        }

        // R37 [V PNLD-GL]: whenever committed.
        if (convictionDate >= TwelveMonthsForConvictionsFrom)
        {
            return 12;
        }

        // R37 [U]: the configured table; 6 months (the lower limit) if it has no entry yet.
        return MagistratesGeneralLimitInUse.LastOrDefault(p => p.From <= convictionDate)?.Months ?? 6;
    }

    /// <summary>R43: whether an order of <paramref name="origin"/> could be made on <paramref name="onDate"/>.</summary>
    public bool IsOrderOriginAvailable(OrderOrigin origin, DateOnly onDate)
    {
        if (onDate < ActInForce)
        {
            return false;
        }

        return origin switch
        {
            OrderOrigin.PoliceApplicationMagistrates
                or OrderOrigin.PoliceApplicationYouthCourt
                or OrderOrigin.CrownCourtOnAppeal => true,
            // Crime and Policing Act 2026 [U commencement], R43
            OrderOrigin.CourtOnConviction or OrderOrigin.CourtOnAcquittal =>
                CourtMadeOrdersCommencement is { } commenced && onDate >= commenced,
            _ => throw new ArgumentOutOfRangeException(nameof(origin), origin, "Unknown order origin."),
        };
    }

    /// <summary>R43: the origins a user may choose for an order made on <paramref name="onDate"/>.</summary>
    public IReadOnlyList<OrderOrigin> AvailableOrderOrigins(DateOnly onDate) =>
        [.. Enum.GetValues<OrderOrigin>().Where(o => IsOrderOriginAvailable(o, onDate))];

    /// <summary>
    /// SPA 2019 s.3(2) [U for conditions], R15: whether a condition whose fixed period ends on
    /// <paramref name="conditionLastDay"/> needs a legal-services override.
    /// </summary>
    public bool ConditionNeedsLegalOverride(DateOnly made, DateOnly conditionLastDay) =>
        PerConditionMinimumDurationApplies && conditionLastDay < StatutoryDates.MinimumLastDay(made);

    /// <summary>R23 with the configured lead time.</summary>
    public DateOnly RenewalReminderDue(DateOnly lastDay) => StatutoryDates.RenewalReminderDue(lastDay, RenewalLeadDays);

    /// <summary>R42 with the configured cadence.</summary>
    public DateOnly NextReviewDue(DateOnly lastReviewed) => lastReviewed.AddDays(ReviewCadenceDays);

    /// <summary>R24 with the configured number of business days.</summary>
    public DateOnly AppealLodgingDeadline(DateOnly decision, BankHolidayCalendar calendar) =>
        StatutoryDates.AppealLodgingDeadline(decision, calendar, AppealBusinessDays);

    /// <summary>The s.12 guidance in force on <paramref name="on"/>, or null before the first version.</summary>
    public GuidanceVersion? GuidanceInForce(DateOnly on) => StatutoryGuidanceInUse.LastOrDefault(g => g.From <= on);

    /// <summary>Every problem with this configuration, in plain words; empty when it is usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();

        var limits = MagistratesGeneralLimitInUse;
        if (limits.Count == 0)
        {
            errors.Add("MagistratesGeneralLimit needs at least one entry.");
        }
        else if (limits[0].From > GeneralLimitOffenceCutoff)
        {
            errors.Add($"MagistratesGeneralLimit must start on or before {GeneralLimitOffenceCutoff:yyyy-MM-dd}.");
        }

        for (var i = 0; i < limits.Count; i++)
        {
            if (limits[i].Months is < 1 or > 12)
            {
                errors.Add($"MagistratesGeneralLimit entry from {limits[i].From:yyyy-MM-dd} must be 1 to 12 months.");
            }

            if (i > 0 && limits[i].From <= limits[i - 1].From)
            {
                errors.Add("MagistratesGeneralLimit dates must be in ascending order with no repeats.");
            }
        }

        var guidance = StatutoryGuidanceInUse;
        for (var i = 0; i < guidance.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(guidance[i].Title))
            {
                errors.Add($"StatutoryGuidance entry from {guidance[i].From:yyyy-MM-dd} needs a title.");
            }

            if (i > 0 && guidance[i].From <= guidance[i - 1].From)
            {
                errors.Add("StatutoryGuidance dates must be in ascending order with no repeats.");
            }
        }

        if (CourtMadeOrdersCommencement < CrimeAndPolicingActRoyalAssent)
        {
            errors.Add($"CourtMadeOrdersCommencement cannot be before Royal Assent on {CrimeAndPolicingActRoyalAssent:yyyy-MM-dd}.");
        }

        if (RenewalLeadDays is < 0 or > 730)
        {
            errors.Add("RenewalLeadDays must be 0 to 730.");
        }

        if (ReviewCadenceDays is < 1 or > 366)
        {
            errors.Add("ReviewCadenceDays must be 1 to 366.");
        }

        if (AppealBusinessDays is < 1 or > 60)
        {
            errors.Add("AppealBusinessDays must be 1 to 60.");
        }

        return errors;
    }
}

/// <summary>
/// Start-up check for <see cref="LegalRuleSet"/>: register with
/// <c>services.AddOptions&lt;LegalRuleSet&gt;().BindConfiguration(LegalRuleSet.SectionName).ValidateOnStart()</c>
/// and <c>services.AddSingleton&lt;IValidateOptions&lt;LegalRuleSet&gt;, LegalRuleSetValidator&gt;()</c>.
/// </summary>
public sealed class LegalRuleSetValidator : IValidateOptions<LegalRuleSet>
{
    public ValidateOptionsResult Validate(string? name, LegalRuleSet options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
