namespace StalkingProtection.Core.VictimUpdates;

/// <summary>
/// What setting a victim's update preferences did (R41): whether they are to be contacted, which updates by which channel, and
/// how many updates already waiting were withheld because they asked not to be contacted. The words come from <see cref="Explain"/>.
/// </summary>
public sealed record VictimUpdatePreferencesOutcome(Guid VictimId, bool DoNotContact, VictimUpdateEvent Events, VictimUpdateChannel Channel, int WaitingWithheld)
{
    public const string RuleId = "R41";

    /// <summary>The outcome in plain English, citing the rule.</summary>
    public string Explain()
    {
        if (DoNotContact)
        {
            var withheld = WaitingWithheld switch
            {
                0 => "",
                1 => " The 1 update waiting to be sent was withheld.",
                var n => $" The {n} updates waiting to be sent were withheld.",
            };
            return $"The victim will not be sent updates ({RuleId}).{withheld}";
        }

        var kinds = Enum.GetValues<VictimUpdateEvent>().Count(e => e != VictimUpdateEvent.None && Events.HasFlag(e));
        return kinds == 0
            ? $"Update preferences saved: no updates chosen, so none will be sent ({RuleId})."
            : $"Update preferences saved: {kinds} {(kinds == 1 ? "kind" : "kinds")} of update, by {(Channel == VictimUpdateChannel.Sms ? "text message" : "email")}, "
                + $"within the victim's safe times ({RuleId}).";
    }
}
