using System.Net.Sockets;
using Npgsql;

namespace StalkingProtection.Core.Data;

/// <summary>
/// Tells a database that cannot be reached, or is restarting after a crash, from a fault in the request or the code. The
/// first is no one's mistake and passes by itself: the service answers 503 and asks the caller to try again (RL2), while a
/// fault is a 500 with a reference to look up.
/// </summary>
public static class DatabaseUnavailable
{
    public static bool Caused(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is AggregateException aggregate && aggregate.InnerExceptions.Any(Caused))
            {
                return true;
            }

            if (Is(e))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Is(Exception e) => e switch
    {
        // Class 08: connection exceptions. 57P01-57P03: the server is shutting down, crashed, or is still starting up
        // (crash recovery). 53300: no connection slot is free.
        PostgresException postgres => postgres.SqlState.StartsWith("08", StringComparison.Ordinal)
            || postgres.SqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow
                or PostgresErrorCodes.TooManyConnections,
        // Refused, reset or broken connections and timeouts; Npgsql marks these transient.
        NpgsqlException npgsql => npgsql.IsTransient,
        SocketException => true,
        // A connection that broke inside a transaction completes it, and the next command in that transaction says so.
        InvalidOperationException invalid => invalid.Source == "Npgsql" && invalid.Message.StartsWith("Transaction is already completed", StringComparison.Ordinal),
        _ => false,
    };
}
