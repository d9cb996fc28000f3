using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Notifications;
using StalkingProtection.Core.Orders;
using StalkingProtection.Core.People;
using StalkingProtection.TestCommon;

namespace StalkingProtection.Core.Tests.Notifications;

/// <summary>
/// SPA 2019 s.9(3)–(4), R27, R28: entry order never changes the law. Random histories of a served order (fixed seed), with new
/// names, moves and notifications at a police station, are entered in every order; the duties, their due dates, statuses and the
/// day each was met must come out the same. A notification given before a change meets its duty when it gave the new name or
/// address, whether the change was entered before it or after.
/// </summary>
public class EntryOrderPropertyTests
{
    private static readonly DateOnly _made = new(2026, 3, 2);
    private static readonly DateTimeOffset _enteredAt = TestData.NoonOn(_made.AddDays(200));
    private static readonly string[] _names = ["Alex Morgan", "Sam Taylor", "Jo Evans"];
    private static readonly string[] _addresses = ["2 Park Road, Leeds", "7 Mill Lane, Leeds", "15 Church Street, Leeds"];

    private abstract record Happening(int Day);

    private sealed record NewName(int Day, string Name) : Happening(Day);

    private sealed record Move(int Day, string Address) : Happening(Day);

    private sealed record Notification(int Day, int Hour, string NamesGiven, string AddressGiven) : Happening(Day);

    [Fact]
    public void SPA2019_s9_3_4_R27_R28_RandomHistoriesEnteredInEveryOrder_GiveTheSameDutiesAndStatuses()
    {
        // Arrange
        var random = new Random(20200120);
        var histories = Enumerable.Range(0, 300).Select(_ => RandomHistory(random)).ToList();
        var advanceNotificationsMet = 0;

        foreach (var history in histories)
        {
            // Act
            var outcomes = Permutations(history).Select(Enter).ToList();

            // Assert
            var expected = outcomes[0];
            Assert.All(outcomes, actual => Assert.Equal(expected, actual));
            advanceNotificationsMet += expected.Count(d => d.MetOn is { } met && met < d.TriggerDate);
        }

        // The histories exercise the case the law is about: notifications given before the change they notified.
        Assert.True(advanceNotificationsMet > 20, $"only {advanceNotificationsMet} duties were met by a notification given in advance");
    }

    [Fact]
    public void R28_AddressNotifiedBeforeTheMoveAndEnteredFirst_MeetsTheDutyTheMoveCreatesWhenEnteredLater()
    {
        // Arrange
        var history = new Happening[] { new Notification(5, 10, "Alex Morgan", "2 Park Road, Leeds"), new Move(8, "2 Park Road, Leeds") };

        // Act
        var duties = Enter(history);

        // Assert
        var move = Assert.Single(duties, d => d.Trigger == NotificationTrigger.NewAddress);
        Assert.Equal(ObligationStatus.Met, move.Status);
        Assert.Equal(_made.AddDays(5), move.MetOn);
    }

    [Fact]
    public void R27_NotificationBeforeTheNameWasUsedThatDidNotGiveIt_DoesNotMeetTheDuty()
    {
        // Arrange
        var history = new Happening[] { new Notification(5, 10, "Alex Morgan", "1 High Street"), new NewName(8, "Sam Taylor") };

        // Act
        var forwards = Enter(history);
        var backwards = Enter([.. history.Reverse()]);

        // Assert
        var name = Assert.Single(forwards, d => d.Trigger == NotificationTrigger.NewName);
        Assert.Equal(ObligationStatus.Overdue, name.Status);
        Assert.Equal(forwards, backwards);
    }

    private static List<Happening> RandomHistory(Random random)
    {
        var count = random.Next(2, 6);
        var history = new List<Happening>();
        var moveDays = new HashSet<int>();
        for (var i = 0; i < count; i++)
        {
            var day = random.Next(0, 40);
            switch (random.Next(3))
            {
                case 0:
                    history.Add(new NewName(day, _names[random.Next(_names.Length)]));
                    break;
                case 1 when moveDays.Add(day):
                    history.Add(new Move(day, _addresses[random.Next(_addresses.Length)]));
                    break;
                default:
                    history.Add(new Notification(day, random.Next(8, 20), _names[random.Next(_names.Length)],
                        random.Next(4) == 0 ? "1 High Street" : _addresses[random.Next(_addresses.Length)]));
                    break;
            }
        }

        return history;
    }

    private static IEnumerable<IReadOnlyList<Happening>> Permutations(IReadOnlyList<Happening> items)
    {
        if (items.Count <= 1)
        {
            yield return items;
            yield break;
        }

        for (var i = 0; i < items.Count; i++)
        {
            var rest = items.Where((_, j) => j != i).ToList();
            foreach (var tail in Permutations(rest))
            {
                yield return [items[i], .. tail];
            }
        }
    }

    private sealed record DutyOutcome(NotificationTrigger Trigger, DateOnly TriggerDate, DateOnly DueBy, ObligationStatus Status, DateOnly? MetOn,
        ObligationStatus? StatusAfterDueDay);

    /// <summary>Enters a history in the order given, as staff would, through the entities that own the duties.</summary>
    private static List<DutyOutcome> Enter(IReadOnlyList<Happening> entryOrder)
    {
        var (order, parts) = TestData.NewOrder(OrderKind.Full, _made, duration: DurationType.UntilFurtherOrder);
        var respondent = parts.Respondent;
        var duties = new List<NotificationObligation>();
        var notifications = new List<NotificationEvent>();
        var served = order.RecordService(TestData.NoonOn(_made), ServiceMethod.Personal, "PC Server", respondent, _enteredAt, notifications);
        duties.Add(served.Obligation!);

        foreach (var happening in entryOrder)
        {
            var on = _made.AddDays(happening.Day);
            switch (happening)
            {
                case NewName name:
                    var given = name.Name.Split(' ');
                    var alias = respondent.Person.AddAlias(given[0], given[1], on, _enteredAt);
                    AddDuty(StalkingProtectionOrder.NotificationDutyFor(NotificationTrigger.NewName, on, alias.Id, respondent, [order], _enteredAt, notifications));
                    break;
                case Move move:
                    var address = respondent.MoveTo(move.Address, PoliceForce.WestYorkshire, on, AddressSource.Other, _enteredAt);
                    AddDuty(StalkingProtectionOrder.NotificationDutyFor(NotificationTrigger.NewAddress, on, address.Id, respondent, [order], _enteredAt, notifications));
                    break;
                case Notification n:
                    var at = TestData.NoonOn(on).AddHours(n.Hour - 12);
                    var notification = NotificationEvent.Record(respondent, new NotificationEvent.Details(at, "Elland Road", PoliceForce.WestYorkshire,
                        NotificationMode.InPersonOral, "PC Desk", false, null, n.NamesGiven, n.AddressGiven, $"ACK-{Guid.NewGuid():N}", at.AddMinutes(5), null),
                        null, _enteredAt);
                    notifications.Add(notification);
                    NotificationObligation.MeetAllItCan(notification, respondent, duties);
                    break;
            }
        }

        foreach (var duty in duties)
        {
            duty.MarkOverdueIfDue(_enteredAt);
        }

        return [.. duties.Select(d => new DutyOutcome(d.Trigger, d.TriggerDate, d.DueBy, d.Status, d.MetOn, d.StatusOn(d.DueBy.AddDays(1))))
            .OrderBy(d => d.Trigger).ThenBy(d => d.TriggerDate).ThenBy(d => d.MetOn)];

        void AddDuty(NotificationDutyOutcome outcome)
        {
            Assert.NotNull(outcome.Obligation);
            duties.Add(outcome.Obligation);
        }
    }
}
