using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Integration;

namespace StalkingProtection.Web.Api;

/// <summary>
/// A create request sent with an Idempotency-Key runs in one transaction with the record of its answer: a retry
/// gets the first answer back and creates nothing; the same key with a different request is refused; a failed
/// request saves nothing, so it can be retried.
/// </summary>
public sealed class IdempotencyFilter(StalkingProtectionDbContext db, TimeProvider timeProvider) : IEndpointFilter
{
    public const string Header = "Idempotency-Key";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var clientKey = http.Request.Headers[Header].ToString();
        if (string.IsNullOrEmpty(clientKey))
        {
            return await next(context);
        }

        if (clientKey.Length > 100)
        {
            return ApiProblems.Invalid(Header, "The idempotency key must be 100 characters or fewer.");
        }

        var key = $"{http.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value}|{clientKey}";
        var requestHash = await HashRequestAsync(http.Request);
        var previous = await db.Set<IdempotencyRecord>().AsNoTracking().SingleOrDefaultAsync(r => r.Key == key, http.RequestAborted);
        if (previous is not null)
        {
            return Replay(previous, requestHash);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(http.RequestAborted);
        var result = await next(context);
        if (result is not IStatusCodeHttpResult { StatusCode: >= 200 and < 300 } success)
        {
            return result;
        }

        var value = (result as IValueHttpResult)?.Value;
        db.Add(new IdempotencyRecord
        {
            Key = key,
            RequestHash = requestHash,
            StatusCode = success.StatusCode!.Value,
            Location = result.GetType().GetProperty("Location")?.GetValue(result) as string,
            ResponseJson = value is null ? null : JsonSerializer.Serialize(value, value.GetType(), ApiJson.Options),
            CreatedAt = timeProvider.GetUtcNow(),
        });
        try
        {
            await db.SaveChangesAsync(http.RequestAborted);
            await transaction.CommitAsync(http.RequestAborted);
            return result;
        }
        catch (DbUpdateException)
        {
            // Another request with the same key committed first: this one's change is rolled back, its answer replayed.
            await transaction.RollbackAsync(http.RequestAborted);
            db.ChangeTracker.Clear();
            var winner = await db.Set<IdempotencyRecord>().AsNoTracking().SingleAsync(r => r.Key == key, http.RequestAborted);
            return Replay(winner, requestHash);
        }
    }

    private static IResult Replay(IdempotencyRecord record, string requestHash)
    {
        if (record.RequestHash != requestHash)
        {
            return Results.Problem(
                title: "This idempotency key was used for a different request",
                detail: "Use a new Idempotency-Key for a new request.",
                statusCode: StatusCodes.Status422UnprocessableEntity);
        }

        return new ReplayResult(record);
    }

    private static async Task<string> HashRequestAsync(HttpRequest request)
    {
        request.EnableBuffering();
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
        request.Body.Position = 0;
        var prefix = Encoding.UTF8.GetBytes($"{request.Method} {request.Path}\n");
        return Convert.ToHexString(SHA256.HashData([.. prefix, .. Canonical(buffer.ToArray())]));
    }

    /// <summary>
    /// The request as parsed, not as typed: the same JSON with other whitespace or another order of keys is the same request,
    /// so a retry re-serialised by the client is a replay. A body that is not JSON is compared byte for byte.
    /// </summary>
    private static byte[] Canonical(byte[] body)
    {
        try
        {
            var node = JsonNode.Parse(body);
            return Encoding.UTF8.GetBytes(Sorted(node)?.ToJsonString() ?? "null");
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException)
        {
            return body;
        }
    }

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
        JsonArray a => new JsonArray([.. a.Select(Sorted)]),
        _ => node?.DeepClone(),
    };

    private sealed class ReplayResult(IdempotencyRecord record) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = record.StatusCode;
            httpContext.Response.Headers["Idempotent-Replayed"] = "true";
            if (!string.IsNullOrEmpty(record.Location))
            {
                httpContext.Response.Headers.Location = record.Location;
            }

            if (record.ResponseJson is not null)
            {
                httpContext.Response.ContentType = "application/json; charset=utf-8";
                await httpContext.Response.WriteAsync(record.ResponseJson);
            }
        }
    }
}
