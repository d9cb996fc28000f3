using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Orders;
using StalkingProtection.TestCommon;

namespace StalkingProtection.Core.Tests.Applications;

/// <summary>Drafting, authorising, lodging and determining an application answer with what the application decided, in one <c>Explain</c>.</summary>
public class ApplicationStepOutcomeTests
{
    [Fact]
    public async Task R20_R21_DraftVariationApplication_OutcomeSaysItWaitsForTheTasksAndAuthorisation()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var order = await testData.CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 2, 2)).ServedOn(new DateOnly(2026, 2, 2)));

        // Act
        var drafted = await testData.WithServicesAsync(new DateOnly(2026, 3, 2), s => s.Applications.CreateChangeAsync(new CreateChangeApplicationOptions(order.OrderId,
            ApplicationType.Variation, ApplicantParty.ChiefOfficer, PoliceForce.WestYorkshire, "Leeds Magistrates' Court", "She has moved house",
            "Extend the exclusion zone to her new street", AddsOrTightens: true), TestData.Officer));

        // Assert
        Assert.Equal((ApplicationStep.Drafted, ApplicationStatus.Draft, "SPA 2019 s.4"), (drafted.Step, drafted.Status, drafted.LegalSource));
        Assert.Equal(
            "Application drafted: an application to vary the order (SPA 2019 s.4). Complete the tasks, then a coordinator authorises it before it is lodged.",
            drafted.Explain());
    }

    [Fact]
    public async Task R1_AuthoriseThenLodgeApplication_OutcomesNameTheCoordinatorAndTheCourtAndDay()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var lodgedOn = new DateOnly(2026, 2, 2);
        var application = await testData.CreateApplicationAsync(a => a.Draft().Lodged(lodgedOn));

        // Act
        var authorised = await testData.WithServicesAsync(lodgedOn, s => s.Applications.AuthoriseAsync(
            new AuthoriseApplicationOptions(application.ApplicationId), TestData.Coordinator));
        var lodged = await testData.WithServicesAsync(lodgedOn, s => s.Applications.SubmitAsync(
            new SubmitApplicationOptions(application.ApplicationId), TestData.Officer));

        // Assert
        Assert.Equal((TestData.Coordinator.Name, ApplicationStatus.Submitted, (DateOnly?)lodgedOn), (authorised.AuthorisedBy, lodged.Status, lodged.LodgedOn));
        Assert.Equal(
            "Application authorised by DS Sam Coordinator: an application for a stalking protection order (SPA 2019 s.1). "
            + "It can now be lodged with the court; a change to it before then needs authorising again.",
            authorised.Explain());
        Assert.Equal(
            "Application lodged with the court: an application for a stalking protection order (SPA 2019 s.1), made to Leeds Magistrates' Court on 2 February 2026. "
            + "Add the hearing when the court lists it.",
            lodged.Explain());
    }

    [Fact]
    public async Task R17_R24_MainApplicationRefused_OutcomeNamesTheInterimOrderCeasedAndTheDayToAppealBy()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var interim = await testData.CreateOrderAsync(o => o.Interim().MadeOn(new DateOnly(2026, 2, 2)));

        // Act
        var determined = await testData.WithServicesAsync(new DateOnly(2026, 2, 10), s => s.Applications.DetermineAsync(
            new DetermineApplicationOptions(interim.Application.MainApplicationId!.Value, Determination.Refused, "Court not satisfied on necessity"), TestData.Officer));

        // Assert
        Assert.Equal(new InterimOrderEnded(interim.OrderId, new DateOnly(2026, 2, 10)), Assert.Single(determined.InterimOrdersEnded));
        Assert.Equal(new DateOnly(2026, 3, 3), determined.ConsiderAppealBy);
        Assert.Equal(
            "Application determined: an application for a stalking protection order (SPA 2019 s.1): refused by the court on 10 February 2026. "
            + "The interim order made on this application ceased that day (SPA 2019 s.5(6)(b), R17). "
            + "The chief officer may appeal to the Crown Court: a task to consider appealing was raised, to lodge by 3 March 2026 "
            + "(SPA 2019 s.7(2), 15 business days, CrimPR r.34.2, R24).",
            determined.Explain());
    }
}
