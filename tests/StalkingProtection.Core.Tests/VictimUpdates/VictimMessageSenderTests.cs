using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StalkingProtection.Core.Time;
using StalkingProtection.Core.VictimUpdates;
using StalkingProtection.TestCommon;

namespace StalkingProtection.Core.Tests.VictimUpdates;

/// <summary>GOV.UK Notify is faked at the HTTP boundary only: the real Notify client talks to a scripted HttpMessageHandler.</summary>
public class VictimMessageSenderTests
{
    private const string SmsTemplate = "11111111-1111-4111-8111-111111111111";
    private const string EmailTemplate = "22222222-2222-4222-8222-222222222222";
    private static readonly DateOnly _day = new(2026, 12, 1);
    private static readonly string _apiKey = $"test_key-{Guid.NewGuid()}-{Guid.NewGuid()}";

    internal static NotifyOptions Options(string? apiKey = null) => new() { ApiKey = apiKey ?? _apiKey, SmsTemplateId = SmsTemplate, EmailTemplateId = EmailTemplate };

    private static DateTimeOffset At(DateOnly day, int hour, int minute = 0) => LondonTime.ToUtc(day, new TimeOnly(hour, minute));

    internal sealed class FakeNotify : HttpMessageHandler
    {
        public Queue<Func<HttpResponseMessage>> Answers { get; } = new();

        public List<(HttpMethod Method, string Path, string Query, string Body)> Requests { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
            Requests.Add((request.Method, request.RequestUri!.AbsolutePath, request.RequestUri.Query, body));
            return Answers.Dequeue()();
        }

        public static HttpResponseMessage Json(HttpStatusCode code, object body) =>
            new(code) { Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json") };

        public static HttpResponseMessage ServerError() =>
            Json(HttpStatusCode.InternalServerError, new { status_code = 500, errors = new[] { new { error = "Exception", message = "Internal server error" } } });

        public static Func<HttpResponseMessage> TimesOut() => () => throw new TaskCanceledException("The request timed out", new TimeoutException());

        public static HttpResponseMessage Created(Guid id) => Json(HttpStatusCode.Created, new
        {
            id,
            reference = (string?)null,
            uri = $"https://api.notifications.service.gov.uk/v2/notifications/{id}",
            template = new { id = SmsTemplate, version = 1, uri = "https://api.notifications.service.gov.uk/v2/template/x" },
            content = new { body = "An update", from_number = "GOVUK" },
        });

        public static HttpResponseMessage Status(Guid id, string status) => Json(HttpStatusCode.OK, new { id, type = "sms", status, created_at = "2026-12-01T10:00:00.000Z" });

        /// <summary>Notify's answer to a search by reference: the notification it holds under it, if any.</summary>
        public static HttpResponseMessage Found(Guid reference, Guid? id, string status = "delivered") => Json(HttpStatusCode.OK, new
        {
            notifications = id is { } found
                ? new object[] { new { id = found, reference = reference.ToString(), type = "sms", status, created_at = "2026-12-01T10:05:00.000Z" } }
                : [],
            links = new { current = "https://api.notifications.service.gov.uk/v2/notifications" },
        });

        public static HttpResponseMessage Template(string id, string body) => Json(HttpStatusCode.OK, new
        {
            id, name = "Victim update", type = "sms", created_at = "2026-01-01T00:00:00.000Z", version = 1, body, created_by = "notify@example.org",
        });
    }

    private static async Task<(TestDatabase Db, TestData TestData, Guid VictimId, IDataProtectionProvider Protection)> PendingMessageAsync(SafeTimeWindow? window = null)
    {
        var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var created = await testData.CreateCaseAsync();
        var protection = new EphemeralDataProtectionProvider();
        await VictimUpdateOutboxTests.SetUpVictimAsync(testData, created.VictimId, _day, VictimUpdateEvent.OrderGranted, protection: protection);
        if (window is not null)
        {
            await testData.WithServicesAsync(_day, s => VictimUpdateOutboxTests.Updates(s, protection).SetPreferencesAsync(
                new SetVictimUpdatePreferencesOptions(created.VictimId, false, VictimUpdateEvent.OrderGranted, VictimUpdateChannel.Sms, window), TestData.Officer));
        }

        await using var ctx = db.CreateContext();
        await VictimUpdateOutbox.AddAsync(ctx, created.CaseId, VictimUpdateEvent.OrderGranted, "V-TEST-1", _day, At(_day, 10), CancellationToken.None);
        await ctx.SaveChangesAsync();
        return (db, testData, created.VictimId, protection);
    }

    private static Task<VictimMessageRun> RunAsync(TestData testData, IDataProtectionProvider protection, IVictimMessageChannel channel, DateTimeOffset now) =>
        testData.WithServicesAsync(_day, s => new VictimMessageDispatch(s.Context, channel, s.VictimContact(protection), s.ReportedBreaches(protection), NullLogger<VictimMessageDispatch>.Instance)
            .RunAsync(now));

    private static async Task<VictimMessage> MessageAsync(TestDatabase db)
    {
        await using var ctx = db.CreateContext();
        return await ctx.Set<VictimMessage>().SingleAsync();
    }

    [Fact]
    public async Task Notify_AnswersAnErrorThenTimesOut_RetriedWithBackOffThenSentAndItsStatusRecorded()
    {
        // Arrange
        var (db, testData, _, protection) = await PendingMessageAsync();
        await using var _db = db;
        var fake = new FakeNotify();
        var notifyId = Guid.NewGuid();
        fake.Answers.Enqueue(FakeNotify.ServerError);
        fake.Answers.Enqueue(FakeNotify.TimesOut());
        var start = At(_day, 10, 5);

        // Act and assert: each failure leaves the message waiting longer each time; after a timeout Notify may hold it, so it stays claimed.
        var first = await RunAsync(testData, protection, new NotifyChannel(new HttpClient(fake), Microsoft.Extensions.Options.Options.Create(Options())), start);
        var afterError = await MessageAsync(db);
        Assert.Equal((1, VictimMessageStatus.Pending, start.AddMinutes(1)), (first.Retrying, afterError.Status, afterError.NextAttemptAt));
        Assert.Contains("500", afterError.LastError, StringComparison.Ordinal);

        Assert.Equal(0, (await RunAsync(testData, protection, new NotifyChannel(new HttpClient(fake), Microsoft.Extensions.Options.Options.Create(Options())), start.AddSeconds(30))).Retrying);
        await RunAsync(testData, protection, new NotifyChannel(new HttpClient(fake), Microsoft.Extensions.Options.Options.Create(Options())), start.AddMinutes(1));
        var afterTimeout = await MessageAsync(db);
        Assert.Equal((2, VictimMessageStatus.Sending, start.AddMinutes(3)), (afterTimeout.Attempts, afterTimeout.Status, afterTimeout.NextAttemptAt));
        fake.Answers.Enqueue(() => FakeNotify.Found(afterTimeout.Id, null));
        fake.Answers.Enqueue(() => FakeNotify.Created(notifyId));
        fake.Answers.Enqueue(() => FakeNotify.Status(notifyId, "delivered"));

        var last = await RunAsync(testData, protection, new NotifyChannel(new HttpClient(fake), Microsoft.Extensions.Options.Options.Create(Options())), start.AddMinutes(3));
        var delivered = await MessageAsync(db);
        Assert.Equal(1, last.Sent);
        Assert.Equal((VictimMessageStatus.Delivered, notifyId.ToString(), "delivered", 3), (delivered.Status, delivered.NotifyId, delivered.NotifyStatus, delivered.Attempts));

        var send = fake.Requests.Last(r => r.Method == HttpMethod.Post);
        Assert.Equal("/v2/notifications/sms", send.Path);
        using var json = JsonDocument.Parse(send.Body);
        Assert.Equal(VictimUpdateOutboxTests.CanaryPhone, json.RootElement.GetProperty("phone_number").GetString());
        Assert.Equal(SmsTemplate, json.RootElement.GetProperty("template_id").GetString());
        var personalisation = json.RootElement.GetProperty("personalisation").GetRawText();
        Assert.Contains("V-TEST-1", personalisation, StringComparison.Ordinal);
        Assert.DoesNotContain("900456", personalisation, StringComparison.Ordinal);
        Assert.DoesNotContain(VictimUpdateOutboxTests.CanaryAddress, personalisation, StringComparison.Ordinal);
        Assert.DoesNotContain(VictimUpdateOutboxTests.CanaryEmail, personalisation, StringComparison.Ordinal);
    }

    private static NotifyChannel Notify(FakeNotify fake) => new(new HttpClient(fake), Microsoft.Extensions.Options.Options.Create(Options()));

    /// <summary>A run that stops (the host shutting down, the process dying) once Notify has answered the send, before the answer is saved.</summary>
    private static async Task<Exception?> CrashAfterSendAsync(TestData testData, IDataProtectionProvider protection, FakeNotify fake, Func<HttpResponseMessage> answer,
        DateTimeOffset now)
    {
        using var crash = new CancellationTokenSource();
        fake.Answers.Enqueue(() =>
        {
            crash.Cancel();
            return answer();
        });
        return await Record.ExceptionAsync(() => testData.WithServicesAsync(_day, s =>
            new VictimMessageDispatch(s.Context, Notify(fake), s.VictimContact(protection), s.ReportedBreaches(protection), NullLogger<VictimMessageDispatch>.Instance).RunAsync(now, crash.Token)));
    }

    [Fact]
    public async Task Notify_AcceptedASendWhoseSaveCrashed_IsFoundByItsReferenceAndNotSentTwice()
    {
        // Arrange: Notify accepts the message and the sender stops before saving that.
        var (db, testData, _, protection) = await PendingMessageAsync();
        await using var _db = db;
        var fake = new FakeNotify();
        var notifyId = Guid.NewGuid();
        var start = At(_day, 10, 5);
        var crashed = await CrashAfterSendAsync(testData, protection, fake, () => FakeNotify.Created(notifyId), start);
        var afterCrash = await MessageAsync(db);
        fake.Answers.Enqueue(() => FakeNotify.Found(afterCrash.Id, notifyId));

        // Act: the next run, once the claim has run out.
        var early = await RunAsync(testData, protection, Notify(fake), start.AddMinutes(1));
        var run = await RunAsync(testData, protection, Notify(fake), start + VictimMessage.SendingClaim);

        // Assert
        Assert.IsAssignableFrom<OperationCanceledException>(crashed);
        Assert.Equal((VictimMessageStatus.Sending, (string?)null), (afterCrash.Status, afterCrash.NotifyId));
        Assert.Equal((0, 1), (early.Sent, run.Sent));
        var message = await MessageAsync(db);
        Assert.Equal((VictimMessageStatus.Delivered, notifyId.ToString(), "delivered"), (message.Status, message.NotifyId, message.NotifyStatus));
        Assert.Single(fake.Requests, r => r.Method == HttpMethod.Post);
        var search = Assert.Single(fake.Requests, r => r.Method == HttpMethod.Get);
        Assert.Equal("/v2/notifications", search.Path);
        Assert.Contains($"reference={afterCrash.Id}", search.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Notify_AcceptedASendWhoseAnswerTimedOut_IsFoundByItsReferenceAndNotSentTwice()
    {
        // Arrange: Notify takes the message, but its answer never arrives.
        var (db, testData, _, protection) = await PendingMessageAsync();
        await using var _db = db;
        var fake = new FakeNotify();
        var notifyId = Guid.NewGuid();
        var start = At(_day, 10, 5);
        fake.Answers.Enqueue(FakeNotify.TimesOut());

        // Act
        var first = await RunAsync(testData, protection, Notify(fake), start);
        var afterTimeout = await MessageAsync(db);
        fake.Answers.Enqueue(() => FakeNotify.Found(afterTimeout.Id, notifyId));
        var next = await RunAsync(testData, protection, Notify(fake), afterTimeout.NextAttemptAt);

        // Assert
        Assert.Equal((0, 1), (first.Sent, first.Retrying));
        Assert.Equal(VictimMessageStatus.Sending, afterTimeout.Status);
        Assert.Equal(1, next.Sent);
        var message = await MessageAsync(db);
        Assert.Equal((VictimMessageStatus.Delivered, notifyId.ToString()), (message.Status, message.NotifyId));
        Assert.Single(fake.Requests, r => r.Method == HttpMethod.Post);
    }

    [Fact]
    public async Task Notify_NeverReceivedASendWhoseRunCrashed_IsSentWhenNotifyHasNothingUnderItsReference()
    {
        // Arrange: the sender stops while the request is on its way, and it never reaches Notify.
        var (db, testData, _, protection) = await PendingMessageAsync();
        await using var _db = db;
        var fake = new FakeNotify();
        var notifyId = Guid.NewGuid();
        var start = At(_day, 10, 5);
        await CrashAfterSendAsync(testData, protection, fake, () => throw new TaskCanceledException("The request was cancelled"), start);
        var messageId = (await MessageAsync(db)).Id;
        fake.Answers.Enqueue(() => FakeNotify.Found(messageId, null));
        fake.Answers.Enqueue(() => FakeNotify.Created(notifyId));
        fake.Answers.Enqueue(() => FakeNotify.Status(notifyId, "sending"));

        // Act
        var run = await RunAsync(testData, protection, Notify(fake), start + VictimMessage.SendingClaim);

        // Assert
        Assert.Equal(1, run.Sent);
        var message = await MessageAsync(db);
        Assert.Equal((VictimMessageStatus.Sent, notifyId.ToString()), (message.Status, message.NotifyId));
        Assert.Equal([HttpMethod.Post, HttpMethod.Get, HttpMethod.Post, HttpMethod.Get], fake.Requests.Select(r => r.Method));
    }

    [Fact]
    public async Task R41_MoreUpdatesAwaitingDeliveryThanABatch_NotifyIsAskedAboutEachInTurn()
    {
        // Arrange: 60 updates Notify accepted and still reports as sending, more than one run asks about.
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var created = await testData.CreateCaseAsync();
        var sentAt = At(_day, 9);
        var notifyIds = Enumerable.Range(0, 60).Select(_ => Guid.NewGuid()).ToList();
        await using (var ctx = db.CreateContext())
        {
            foreach (var notifyId in notifyIds)
            {
                var message = new VictimMessage
                {
                    Id = Guid.NewGuid(), VictimId = created.VictimId, CaseId = created.CaseId, Event = VictimUpdateEvent.OrderGranted,
                    Channel = VictimUpdateChannel.Sms, Body = "An update", CreatedAt = sentAt,
                };
                message.Claim(sentAt);
                message.MarkSent(notifyId.ToString(), "sending", delivered: false, sentAt);
                ctx.Add(message);
            }

            await ctx.SaveChangesAsync();
        }

        var fake = new FakeNotify();
        for (var i = 0; i < 100; i++)
        {
            fake.Answers.Enqueue(() => FakeNotify.Status(Guid.NewGuid(), "sending"));
        }

        var protection = new EphemeralDataProtectionProvider();

        // Act: two runs, a minute apart.
        await RunAsync(testData, protection, Notify(fake), At(_day, 10));
        var askedFirst = fake.Requests.Select(r => r.Path).ToList();
        fake.Requests.Clear();
        await RunAsync(testData, protection, Notify(fake), At(_day, 10, 1));
        var askedSecond = fake.Requests.Select(r => r.Path).ToList();

        // Assert: the second run starts with the ten the first did not reach, so every update has been asked about.
        Assert.Equal(50, askedFirst.Distinct().Count());
        Assert.Equal(50, askedSecond.Count);
        Assert.Empty(askedSecond.Take(10).Intersect(askedFirst));
        Assert.Equal(notifyIds.Select(id => id.ToString()).Order(),
            askedFirst.Concat(askedSecond).Select(path => path.Split('/')[^1]).Distinct().Order());
    }

    [Fact]
    public async Task Notify_RefusesTheRequest_MessageFailsForStaffWithoutRetrying()
    {
        // Arrange
        var (db, testData, _, protection) = await PendingMessageAsync();
        await using var _db = db;
        var fake = new FakeNotify();
        fake.Answers.Enqueue(() => FakeNotify.Json(HttpStatusCode.BadRequest,
            new { status_code = 400, errors = new[] { new { error = "ValidationError", message = "phone_number Not a UK mobile number" } } }));

        // Act
        var run = await RunAsync(testData, protection, new NotifyChannel(new HttpClient(fake), Microsoft.Extensions.Options.Options.Create(Options())), At(_day, 11));

        // Assert
        var message = await MessageAsync(db);
        Assert.Equal(1, run.Failed);
        Assert.Equal(VictimMessageStatus.Failed, message.Status);
        Assert.DoesNotContain("mobile", message.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutANotifyKey_TheMessageGoesToTheLocalSinkAndIsMarkedDelivered()
    {
        // Arrange
        var (db, testData, _, protection) = await PendingMessageAsync();
        await using var _db = db;

        // Act
        var run = await RunAsync(testData, protection, new LocalSinkChannel(), At(_day, 11));

        // Assert
        var message = await MessageAsync(db);
        Assert.Equal(1, run.Sent);
        Assert.Equal((VictimMessageStatus.Delivered, LocalSinkChannel.SinkStatus), (message.Status, message.NotifyStatus));
        await using var ctx = db.CreateContext();
        Assert.True(await ctx.AuditEntries.AnyAsync(a => a.Action == "VictimContact.Read" && a.ActorId == "system"));
    }

    [Fact]
    public async Task R41_OutsideTheSafeTimes_NothingIsSentUntilTheWindowOpens()
    {
        // Arrange: safe only 18:00-19:00 London time; the message is due at 11:00.
        var (db, testData, _, protection) = await PendingMessageAsync(new SafeTimeWindow(SafeDays.Every, new TimeOnly(18, 0), new TimeOnly(19, 0)));
        await using var _db = db;
        var fake = new FakeNotify();

        // Act
        var early = await RunAsync(testData, protection, new NotifyChannel(new HttpClient(fake), Microsoft.Extensions.Options.Options.Create(Options())), At(_day, 11));

        // Assert
        var message = await MessageAsync(db);
        Assert.Equal(0, early.Sent);
        Assert.Empty(fake.Requests);
        Assert.Equal((VictimMessageStatus.Pending, At(_day, 18)), (message.Status, message.NextAttemptAt));
    }

    [Fact]
    public async Task R41_AVictimWhoLaterChoseDoNotContact_IsNotSentWhatWasWaiting()
    {
        // Arrange
        var (db, testData, victimId, protection) = await PendingMessageAsync();
        await using var _db = db;
        await testData.WithServicesAsync(_day, s => VictimUpdateOutboxTests.Updates(s, protection).SetPreferencesAsync(
            new SetVictimUpdatePreferencesOptions(victimId, true, VictimUpdateEvent.None, VictimUpdateChannel.Sms, VictimUpdateOutboxTests.AlwaysDaytime), TestData.Officer));
        var fake = new FakeNotify();

        // Act
        await RunAsync(testData, protection, new NotifyChannel(new HttpClient(fake), Microsoft.Extensions.Options.Options.Create(Options())), At(_day, 11));

        // Assert
        Assert.Empty(fake.Requests);
        Assert.Equal(VictimMessageStatus.Withheld, (await MessageAsync(db)).Status);
    }

    [Fact]
    public async Task R41_AnOrderEndingWithin28Days_IsToldOnceHoweverOftenTheSenderRuns()
    {
        // Arrange: an interim order made on 2 November 2026 is in force until 29 November.
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var made = new DateOnly(2026, 11, 2);
        var order = await testData.CreateOrderAsync(o => o.Interim().MadeOn(made));
        var protection = new EphemeralDataProtectionProvider();
        await VictimUpdateOutboxTests.SetUpVictimAsync(testData, order.Case.VictimId, made, VictimUpdateEvent.OrderEnding, protection: protection);

        // Act
        var first = await RunAsync(testData, protection, new LocalSinkChannel(), At(made.AddDays(1), 10));
        var second = await RunAsync(testData, protection, new LocalSinkChannel(), At(made.AddDays(2), 10));

        // Assert
        Assert.Equal((1, 0), (first.EndingRaised, second.EndingRaised));
        var message = await MessageAsync(db);
        Assert.Equal((VictimUpdateEvent.OrderEnding, VictimMessageStatus.Delivered), (message.Event, message.Status));
        Assert.Contains("ends after 29 November 2026", message.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TemplateCheck_ATemplateAskingForAFieldTheServiceDoesNotSupply_IsRefusedAtStartUp()
    {
        // Arrange
        var fake = new FakeNotify();
        fake.Answers.Enqueue(() => FakeNotify.Template(SmsTemplate, "((update))"));
        fake.Answers.Enqueue(() => FakeNotify.Template(EmailTemplate, "Dear ((first name)), ((update))"));
        var notify = new NotifyChannel(new HttpClient(fake), Microsoft.Extensions.Options.Options.Create(Options()));

        // Act
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => NotifyTemplateCheck.CheckAsync(notify, Options()));

        // Assert
        Assert.Contains("((first name))", ex.Message, StringComparison.Ordinal);
        Assert.Contains(EmailTemplate, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TemplateCheck_TemplatesUsingTheUpdateOnly_AreAccepted()
    {
        // Arrange
        var fake = new FakeNotify();
        fake.Answers.Enqueue(() => FakeNotify.Template(SmsTemplate, "((update))"));
        fake.Answers.Enqueue(() => FakeNotify.Template(EmailTemplate, "Hello,\n\n((update))"));
        var notify = new NotifyChannel(new HttpClient(fake), Microsoft.Extensions.Options.Options.Create(Options()));

        // Act
        await NotifyTemplateCheck.CheckAsync(notify, Options());

        // Assert
        Assert.Equal(["/v2/template/" + SmsTemplate, "/v2/template/" + EmailTemplate], fake.Requests.Select(r => r.Path));
    }
}
