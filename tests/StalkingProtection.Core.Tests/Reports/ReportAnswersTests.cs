using StalkingProtection.Core.Reports;

namespace StalkingProtection.Core.Tests.Reports;

public class ReportAnswersTests
{
    [Fact]
    public void FirstUnanswered_NewReport_IsWhoTheReportIsFor()
    {
        // Arrange
        var answers = new ReportAnswers();

        // Act
        var step = answers.FirstUnanswered();

        // Assert
        Assert.Equal(ReportStep.ReportingFor, step);
    }

    [Fact]
    public void FirstUnanswered_ForSomeoneElse_AsksAboutThePersonAfterImmediateDanger()
    {
        // Arrange
        var answers = new ReportAnswers();
        ReportAnswersExamples.Complete(answers);
        answers.ReportingFor = ReportingFor.SomeoneElse;

        // Act
        var withoutPerson = answers.FirstUnanswered();
        answers.PersonName = "Robin";
        answers.PersonKnowsAboutReport = true;
        answers.PersonContactRoute = PersonContactRoute.Directly;
        var withoutHowToReach = answers.FirstUnanswered();
        answers.PersonContactDetails = "Through her sister";
        var complete = answers.FirstUnanswered();

        // Assert
        Assert.Equal(ReportStep.ThePerson, withoutPerson);
        Assert.Equal(ReportStep.ThePerson, withoutHowToReach);
        Assert.Null(complete);
    }

    [Fact]
    public void FirstUnanswered_CompleteReport_IsNull()
    {
        // Arrange
        var answers = new ReportAnswers();
        ReportAnswersExamples.Complete(answers);

        // Act
        var step = answers.FirstUnanswered();

        // Assert
        Assert.Null(step);
    }

    [Fact]
    public void FirstUnanswered_DoNotContactMe_AsksNoContactQuestions()
    {
        // Arrange
        var answers = new ReportAnswers();
        ReportAnswersExamples.Complete(answers);
        answers.ContactMethods = SafeContactMethods.None;
        answers.PhoneNumber = null;
        answers.SafeTimes = null;
        answers.VoicemailAllowed = null;

        // Act
        var step = answers.FirstUnanswered();

        // Assert
        Assert.Null(step);
    }

    [Fact]
    public void FirstUnanswered_EmailOnly_AsksForEmailAndNotVoicemail()
    {
        // Arrange
        var answers = new ReportAnswers();
        ReportAnswersExamples.Complete(answers);
        answers.ContactMethods = SafeContactMethods.Email;
        answers.VoicemailAllowed = null;

        // Act
        var before = answers.FirstUnanswered();
        answers.Email = "me@example.com";
        var after = answers.FirstUnanswered();

        // Assert
        Assert.Equal(ReportStep.ContactDetails, before);
        Assert.Null(after);
    }

    [Fact]
    public void FirstUnanswered_TextOnly_NeedsPhoneButNoVoicemail()
    {
        // Arrange
        var answers = new ReportAnswers();
        ReportAnswersExamples.Complete(answers);
        answers.ContactMethods = SafeContactMethods.Text;
        answers.VoicemailAllowed = null;

        // Act
        var step = answers.FirstUnanswered();

        // Assert
        Assert.Null(step);
        Assert.True(answers.NeedsPhone);
        Assert.False(answers.CanCall);
    }

    [Fact]
    public void FirstUnanswered_SomethingElseWithoutDetail_AsksWhatHappened()
    {
        // Arrange
        var answers = new ReportAnswers();
        ReportAnswersExamples.Complete(answers);
        answers.Behaviours |= StalkingBehaviours.SomethingElse;

        // Act
        var step = answers.FirstUnanswered();

        // Assert
        Assert.Equal(ReportStep.WhatHappened, step);
    }

    [Fact]
    public void FirstUnanswered_KnowsWhoButSaidNothing_AsksAboutThem()
    {
        // Arrange
        var answers = new ReportAnswers();
        ReportAnswersExamples.Complete(answers);
        answers.SuspectKnown = true;

        // Act
        var step = answers.FirstUnanswered();

        // Assert
        Assert.Equal(ReportStep.AboutThem, step);
    }
}
