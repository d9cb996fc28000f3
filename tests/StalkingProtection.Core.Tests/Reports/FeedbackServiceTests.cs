using StalkingProtection.Core.Reports;
using StalkingProtection.TestCommon;

namespace StalkingProtection.Core.Tests.Reports;

public sealed class FeedbackServiceTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async ValueTask InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task List_AfterSubmissions_NewestFirstWithBlankCommentsAsNull()
    {
        // Arrange
        var clock = TestClock.At(new DateOnly(2026, 11, 28));
        await using (var db = _database.CreateContext())
        {
            var service = new FeedbackService(db, clock);
            await service.SubmitAsync(Satisfaction.Satisfied, "  First  ");
            clock.Advance(TimeSpan.FromMinutes(1));
            await service.SubmitAsync(Satisfaction.VeryDissatisfied, "   ");
        }

        // Act
        await using var readDb = _database.CreateContext();
        var items = await new FeedbackService(readDb, clock).ListAsync(1, 10);

        // Assert
        Assert.Equal([Satisfaction.VeryDissatisfied, Satisfaction.Satisfied], items.Select(i => i.Satisfaction));
        Assert.Null(items[0].Comments);
        Assert.Equal("First", items[1].Comments);
    }
}
