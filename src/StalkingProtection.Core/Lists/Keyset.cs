using System.Globalization;
using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Data;

namespace StalkingProtection.Core.Lists;

public enum SortDirection
{
    Ascending,
    Descending,
}

/// <summary>
/// Keyset paging over a sort key and the row id: the next page is the rows after the last row shown (by key, then id), the
/// previous page the rows before the first one, so a page costs one statement however deep it is and ties never repeat rows.
/// </summary>
public static class Keyset
{
    /// <summary>The text a key is written as in a page link.</summary>
    public static string Format(object? key) => key switch
    {
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset instant => instant.UtcTicks.ToString(CultureInfo.InvariantCulture),
        int number => number.ToString(CultureInfo.InvariantCulture),
        long number => number.ToString(CultureInfo.InvariantCulture),
        _ => key?.ToString() ?? "",
    };

    /// <summary>A key read back from a page link, or null when it is no key of that type (a hand-edited link).</summary>
    public static object? Parse(string? text, Type keyType)
    {
        if (text is null)
        {
            return null;
        }

        if (keyType == typeof(DateOnly))
        {
            return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
        }

        if (keyType == typeof(DateTimeOffset))
        {
            return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) && ticks <= DateTimeOffset.MaxValue.UtcTicks
                ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;
        }

        if (keyType == typeof(int))
        {
            return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : null;
        }

        if (keyType == typeof(long))
        {
            return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : null;
        }

        return keyType == typeof(string) && text.Length <= 500 ? text : null;
    }

    /// <summary>
    /// Orders <paramref name="rows"/> by <paramref name="key"/> then id and keeps those beyond the cursor; when
    /// <paramref name="backwards"/>, the order is reversed so the rows just before the cursor come first.
    /// </summary>
    public static IQueryable<T> Seek<T, TKey>(IQueryable<T> rows, Expression<Func<T, TKey>> key, Expression<Func<T, Guid>> id,
        SortDirection direction, object? cursorKey, Guid? cursorId, bool backwards, DatabaseProvider provider)
    {
        var descending = (direction == SortDirection.Descending) != backwards;
        if (cursorKey is TKey k && cursorId is { } cid)
        {
            var row = key.Parameters[0];
            var keyBody = key.Body;
            var idBody = new ParameterSwap(id.Parameters[0], row).Visit(id.Body);
            var keyValue = Expression.Property(Expression.Constant(new Box<TKey>(k)), nameof(Box<TKey>.Value));
            var idValue = Expression.Property(Expression.Constant(new Box<Guid>(cid)), nameof(Box<Guid>.Value));
            // A row value, (key, id) > (k, cid), reads an index on (key, id) from the cursor itself: as "key > k OR (key = k
            // AND id > cid)" every row of the cursor's key before it was read and dropped, most of the list when the key has
            // few values (a status: 48.9 ms against 0.1 ms on PostgreSQL for a page from the middle of 800,000 cases,
            // 2026-12-07-1000000-orders-postgres.md). PostgreSQL is also given the key alone, "key >= k", which it reads an
            // index on the key from. SQLite is not: it would start the index at that bound and test the row value on every row
            // of the cursor's key (22-62 ms against 1-2 ms a page from the middle of 800,000 cases,
            // 2026-12-07-lists-and-search-1000000-orders.md).
            Expression beyond = provider == DatabaseProvider.Postgres
                ? Expression.AndAlso(AtOrBeyond(keyBody, keyValue, descending), RowValueBeyond(keyBody, idBody, keyValue, idValue, descending))
                : Expression.Call((descending ? _sqliteBefore : _sqliteAfter).MakeGenericMethod(keyBody.Type), keyBody, idBody, keyValue, idValue);
            rows = rows.Where(Expression.Lambda<Func<T, bool>>(beyond, row));
        }

        return descending ? rows.OrderByDescending(key).ThenByDescending(id) : rows.OrderBy(key).ThenBy(id);
    }

    private static readonly System.Reflection.MethodInfo _tupleOfTwo = typeof(ValueTuple).GetMethods()
        .Single(m => m.Name == nameof(ValueTuple.Create) && m.GetGenericArguments().Length == 2);

    private static readonly System.Reflection.MethodInfo _rowGreaterThan = typeof(NpgsqlDbFunctionsExtensions)
        .GetMethod(nameof(NpgsqlDbFunctionsExtensions.GreaterThan), [typeof(DbFunctions), typeof(ITuple), typeof(ITuple)])!;

    private static readonly System.Reflection.MethodInfo _rowLessThan = typeof(NpgsqlDbFunctionsExtensions)
        .GetMethod(nameof(NpgsqlDbFunctionsExtensions.LessThan), [typeof(DbFunctions), typeof(ITuple), typeof(ITuple)])!;

    private static readonly System.Reflection.MethodInfo _sqliteAfter = typeof(SqliteRowValues).GetMethod(nameof(SqliteRowValues.After))!;

    private static readonly System.Reflection.MethodInfo _sqliteBefore = typeof(SqliteRowValues).GetMethod(nameof(SqliteRowValues.Before))!;

    /// <summary><c>EF.Functions.GreaterThan((key, id), (k, cid))</c> (or LessThan), which Npgsql writes as a row-value comparison.</summary>
    private static MethodCallExpression RowValueBeyond(Expression keyBody, Expression idBody, Expression keyValue, Expression idValue, bool less)
    {
        var create = _tupleOfTwo.MakeGenericMethod(keyBody.Type, typeof(Guid));
        return Expression.Call(less ? _rowLessThan : _rowGreaterThan, Expression.Property(null, typeof(EF), nameof(EF.Functions)),
            Expression.Convert(Expression.Call(create, keyBody, idBody), typeof(ITuple)),
            Expression.Convert(Expression.Call(create, keyValue, idValue), typeof(ITuple)));
    }

    /// <summary>The key alone at or beyond the cursor's: <c>key &gt;= k</c> (or <c>&lt;=</c>), a string through CompareTo.</summary>
    private static BinaryExpression AtOrBeyond(Expression key, Expression value, bool less)
    {
        if (key.Type == typeof(string))
        {
            key = Expression.Call(key, typeof(string).GetMethod(nameof(string.CompareTo), [typeof(string)])!, value);
            value = Expression.Constant(0);
        }

        return less ? Expression.LessThanOrEqual(key, value) : Expression.GreaterThanOrEqual(key, value);
    }

    private sealed class Box<TValue>(TValue value)
    {
        public TValue Value { get; } = value;
    }

    private sealed class ParameterSwap(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
