using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Orders;
using StalkingProtection.TestCommon;

namespace StalkingProtection.Core.Tests.Orders;

public class OrderVictimReferenceTests
{
    [Theory]
    [InlineData("SPO-7KQ2-M9XD", "SPO-7KQ2-M9XD")]
    [InlineData("spo 7kq2 m9xd", "SPO-7KQ2-M9XD")]
    [InlineData("7KQ2M9XD", "SPO-7KQ2-M9XD")]
    [InlineData(" SPO7KQ2-M9XD ", "SPO-7KQ2-M9XD")]
    public void Normalise_AnyCaseSpacingOrPrefix_GivesTheStoredForm(string typed, string expected) =>
        Assert.Equal(expected, OrderVictimReference.Normalise(typed));

    [Theory]
    [InlineData("")]
    [InlineData("SPO-7KQ2-M9X")]
    [InlineData("SPO-7KQ2-M9XD1")]
    [InlineData("SPO-0KQ2-M9XD")]
    [InlineData("SPO-7KQ2/M9XD")]
    [InlineData("' OR 1=1 --")]
    public void Normalise_NotAReference_IsNull(string typed) => Assert.Null(OrderVictimReference.Normalise(typed));

    [Fact]
    public void New_IsInTheStoredForm()
    {
        // Act
        var reference = OrderVictimReference.New();

        // Assert
        Assert.Equal(OrderVictimReference.Length, reference.Length);
        Assert.Equal(reference, OrderVictimReference.Normalise(reference));
    }

    [Fact]
    public async Task ReissueTakenAsync_ReferenceAnotherOrderHoldsOrTwiceInOneBatch_EachGetsItsOwnAndTheyAllSave()
    {
        // Arrange
        await using var database = await TestDatabase.CreateAsync();
        var testData = new TestData(database);
        var holder = await testData.CreateOrderAsync();
        var first = await testData.CreateOrderAsync();
        var second = await testData.CreateOrderAsync();
        var third = await testData.CreateOrderAsync();
        var ct = TestContext.Current.CancellationToken;
        await using var db = database.CreateContext();
        var held = await db.Orders.Where(o => o.Id == holder.OrderId).Select(o => o.VictimReference!).SingleAsync(ct);
        var orders = await db.Orders.Where(o => o.Id == first.OrderId || o.Id == second.OrderId || o.Id == third.OrderId).OrderBy(o => o.Id).ToListAsync(ct);
        var fresh = OrderVictimReference.New();
        db.Entry(orders[0]).Property(o => o.VictimReference).CurrentValue = held;
        db.Entry(orders[1]).Property(o => o.VictimReference).CurrentValue = fresh;
        db.Entry(orders[2]).Property(o => o.VictimReference).CurrentValue = fresh;

        // Act
        await OrderVictimReference.ReissueTakenAsync(db, orders, ct);
        await db.SaveChangesAsync(ct);

        // Assert
        Assert.NotEqual(held, orders[0].VictimReference);
        Assert.Equal(fresh, orders[1].VictimReference);
        Assert.NotEqual(fresh, orders[2].VictimReference);
        Assert.All(orders, o => Assert.Equal(o.VictimReference, OrderVictimReference.Normalise(o.VictimReference)));
        await using var check = database.CreateContext();
        var stored = await check.Orders.Select(o => o.VictimReference).ToListAsync(ct);
        Assert.Equal(4, stored.Distinct().Count());
        Assert.Contains(held, stored);
    }

    [Fact]
    public async Task ReissueTakenAsync_NoReferenceTaken_ChangesNothing()
    {
        // Arrange
        await using var database = await TestDatabase.CreateAsync();
        var testData = new TestData(database);
        var made = await testData.CreateOrderAsync();
        var ct = TestContext.Current.CancellationToken;
        await using var db = database.CreateContext();
        var order = await db.Orders.SingleAsync(o => o.Id == made.OrderId, ct);
        var before = order.VictimReference;
        db.Entry(order).Property(o => o.VictimReference).CurrentValue = OrderVictimReference.New();
        var untaken = order.VictimReference;

        // Act
        await OrderVictimReference.ReissueTakenAsync(db, [order], ct);

        // Assert
        Assert.NotEqual(before, untaken);
        Assert.Equal(untaken, order.VictimReference);
    }
}
