using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Orders;
using StalkingProtection.Core.Rules;
using StalkingProtection.Core.Time;
using StalkingProtection.Web.Infrastructure.Journeys;

namespace StalkingProtection.Web.Pages.Workspace.Orders.RecordService;

/// <summary>The answers of service of the order (SPA 2019 s.9(1), R25), kept until they are confirmed.</summary>
public sealed class ServiceAnswers : OrderAnswers
{
    public DateOnly ServedOn { get; set; }

    public TimeOnly ServedTime { get; set; }

    public ServiceMethod Method { get; set; }

    public string ServedBy { get; set; } = "";

    public DateTimeOffset ServedAt => LondonTime.ToUtc(ServedOn, ServedTime);
}

/// <summary>Service of the order on the respondent, which starts the initial notification duty (SPA 2019 s.9(1), R25).</summary>
public class IndexModel(StalkingProtectionDbContext db, TimeProvider timeProvider) : OrderQuestionPageModel<ServiceAnswers>(db, timeProvider)
{
    public const string Name = "record-service";

    [BindProperty]
    [Display(Name = "Date the order was served")]
    public DateOnly? ServedOn { get; set; }

    [BindProperty]
    [Display(Name = "Time it was served")]
    public string? ServedTime { get; set; }

    [BindProperty]
    [Display(Name = "How was it served?")]
    public ServiceMethod? Method { get; set; }

    [BindProperty]
    [Display(Name = "Officer who served it")]
    public string? ServedBy { get; set; }

    protected override string JourneyName => Name;

    protected override void Prefill() => ServedBy = Actor.Name;

    protected override void Validate()
    {
        Require(ServedOn is not null, nameof(ServedOn), "Enter the date the order was served");
        Require(!string.IsNullOrWhiteSpace(ServedTime), nameof(ServedTime), "Enter the time the order was served");
        if (!string.IsNullOrWhiteSpace(ServedTime) && ParseTime(ServedTime) is null)
        {
            ModelState.AddModelError(nameof(ServedTime), "Enter the time as hours and minutes, for example 14:30");
        }

        if (ServedOn is { } served)
        {
            // SPA 2019 s.9(1): service starts the duty to notify, so its date is checked where it is asked, as Core checks it on save.
            if (Order.ServedAt is not null)
            {
                ModelState.AddModelError(nameof(ServedOn), "Service of this order has already been recorded (SPA 2019 s.9(1))");
            }
            else if (served < Order.MadeOn)
            {
                ModelState.AddModelError(nameof(ServedOn), $"An order cannot be served before the day it was made ({Display.Date(Order.MadeOn)}): service starts the duty to notify (SPA 2019 s.9(1))");
            }
            else if (served > Today || (served == Today && ParseTime(ServedTime) is { } time && LondonTime.ToUtc(served, time) > Now))
            {
                ModelState.AddModelError(nameof(ServedOn), RuleCheck.NotYetHappenedMessage);
            }
            else if (!Order.IsInForceOn(served))
            {
                ModelState.AddModelError(nameof(ServedOn), "The order was not in force on that day, so it cannot have been served then");
            }
        }

        Require(Method is not null, nameof(Method), "Select how the order was served");
        Require(!string.IsNullOrWhiteSpace(ServedBy), nameof(ServedBy), "Enter the name of the officer who served the order");
        MaxLength(ServedBy, StalkingProtectionOrder.NameMaxLength, nameof(ServedBy), "The officer's name must be 200 characters or fewer");
    }

    protected override ServiceAnswers Answer() => new()
    {
        ServedOn = ServedOn!.Value,
        ServedTime = ParseTime(ServedTime)!.Value,
        Method = Method!.Value,
        ServedBy = ServedBy!.Trim(),
    };

    protected override void Fill(ServiceAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        ServedOn = answers.ServedOn;
        ServedTime = answers.ServedTime.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        Method = answers.Method;
        ServedBy = answers.ServedBy;
    }
}
