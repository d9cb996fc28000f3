using StalkingProtection.Core.Reports;

namespace StalkingProtection.Web.Pages.Shared;

/// <summary>What <c>_SafeContactDetails</c> shows: the details, and whether they were given for someone else.</summary>
public sealed record SafeContactView(SafeContactDetails Contact, bool ForSomeoneElse);
