using StalkingProtection.Core.Orders;
using StalkingProtection.Core.Rules;
using StalkingProtection.Core.Time;

namespace StalkingProtection.TestCommon;

public sealed record CreatedOrder(CreatedApplication Application, Guid OrderId, IReadOnlyList<Guid> ConditionIds, Guid? ObligationId, DateOnly MadeOn,
    OrderMadeOutcome? Made = null)
{
    public CreatedCase Case => Application.Case;
}

public sealed class OrderBuilder
{
    internal OrderKind Kind { get; private set; } = OrderKind.Full;

    internal DateOnly MadeOnDate { get; private set; } = new DateOnly(2026, 1, 12).AddDays(Random.Shared.Next(0, 60));

    internal bool MadeOnGiven { get; private set; }

    internal DurationType Duration { get; private set; } = DurationType.FixedPeriod;

    internal DateOnly? LastDayValue { get; private set; }

    internal DateOnly? ServedOnDate { get; private set; }

    internal List<Func<IReadOnlyList<Guid>, ConditionDraft>> Conditions { get; } = [];

    internal Action<CaseBuilder>? ConfigureCase { get; private set; }

    internal CreatedOrder? Replacing { get; private set; }

    public OrderBuilder Interim()
    {
        Kind = OrderKind.Interim;
        Duration = DurationType.FixedPeriod;
        return this;
    }

    public OrderBuilder Full()
    {
        Kind = OrderKind.Full;
        return this;
    }

    public OrderBuilder UntilFurtherOrder()
    {
        Duration = DurationType.UntilFurtherOrder;
        LastDayValue = null;
        return this;
    }

    public OrderBuilder MadeOn(DateOnly day)
    {
        MadeOnDate = day;
        MadeOnGiven = true;
        return this;
    }

    public OrderBuilder LastDay(DateOnly day)
    {
        Duration = DurationType.FixedPeriod;
        LastDayValue = day;
        return this;
    }

    /// <summary>Served at 10:00 London time on <paramref name="day"/> (and made that day unless a made date is given).</summary>
    public OrderBuilder ServedOn(DateOnly day)
    {
        ServedOnDate = day;
        return this;
    }

    public OrderBuilder WithCondition(Func<IReadOnlyList<Guid>, ConditionDraft> draft)
    {
        Conditions.Add(draft);
        return this;
    }

    public OrderBuilder WithCase(Action<CaseBuilder> configure)
    {
        ConfigureCase = configure;
        return this;
    }

    /// <summary>R19: a full order on the main application of <paramref name="interim"/>.</summary>
    public OrderBuilder ReplacingInterim(CreatedOrder interim)
    {
        Kind = OrderKind.Full;
        Replacing = interim;
        return this;
    }
}

public sealed partial class TestData
{
    /// <summary>A valid no-contact prohibition protecting the given people.</summary>
    public static ConditionDraft NoContact(IReadOnlyList<Guid> protectedPersonIds) =>
        new(ConditionType.Prohibition, ConditionCategory.NoContact, "Must not contact the protected person directly or indirectly by any means.",
            ConditionScope.AllUk, null, protectedPersonIds, "He has repeatedly contacted her despite being asked to stop.", true, false, null);

    public async Task<CreatedOrder> CreateOrderAsync(Action<OrderBuilder>? configure = null)
    {
        var b = new OrderBuilder();
        configure?.Invoke(b);
        var made = !b.MadeOnGiven && b.ServedOnDate is { } served && served < b.MadeOnDate ? served : b.MadeOnDate;
        CreatedApplication application;
        if (b.Replacing is { } interim)
        {
            application = interim.Application with { ApplicationId = interim.Application.MainApplicationId!.Value, MainApplicationId = null };
        }
        else
        {
            application = await CreateApplicationAsync(a =>
            {
                a.Lodged(made.AddDays(-2)).WithCase(c => b.ConfigureCase?.Invoke(c.Reported(made.AddDays(-9))));
                if (b.Kind == OrderKind.Interim)
                {
                    a.Interim();
                }
            });
        }

        var lastDay = b.Duration == DurationType.UntilFurtherOrder
            ? (DateOnly?)null
            : b.LastDayValue ?? (b.Kind == OrderKind.Interim ? made.AddDays(27) : StatutoryDates.MinimumLastDay(made));
        var conditions = b.Conditions.Count == 0
            ? [NoContact(application.Case.ProtectedPersonIds)]
            : b.Conditions.Select(c => c(application.Case.ProtectedPersonIds)).ToList();
        var youth = await WithServicesAsync(made, s => Task.FromResult(s.Context.Applications.Single(a => a.Id == application.ApplicationId).Venue
            == Core.Applications.CourtVenue.YouthCourt));
        var terms = new OrderTerms(b.Kind, youth ? OrderOrigin.PoliceApplicationYouthCourt : OrderOrigin.PoliceApplicationMagistrates,
            youth ? "Leeds Youth Court" : "Leeds Magistrates' Court", Core.Applications.PoliceForce.WestYorkshire, made, b.Duration, lastDay, conditions);
        var outcome = await WithServicesAsync(made, s => s.Orders.RecordOrderAsync(new RecordOrderOptions(application.Case.CaseId, application.ApplicationId, terms,
            NoIncompatibilityAttested: true), Officer));
        var orderId = outcome.OrderId;

        Guid? obligationId = null;
        if (b.ServedOnDate is { } servedOn)
        {
            obligationId = (await WithServicesAsync(servedOn, s => s.Orders.RecordServiceAsync(new RecordServiceOptions(orderId,
                LondonTime.ToUtc(servedOn, new TimeOnly(10, 0)), ServiceMethod.Personal, "PC Server"), Officer))).ObligationId;
        }

        var conditionIds = await WithServicesAsync(made, s => Task.FromResult<IReadOnlyList<Guid>>(
            s.Context.Orders.Single(o => o.Id == orderId).ConditionSets.SelectMany(x => x.Conditions).OrderBy(c => c.Sequence).Select(c => c.Id).ToList()));
        return new CreatedOrder(application, orderId, conditionIds, obligationId, made, outcome);
    }
}
