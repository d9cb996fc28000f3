using StalkingProtection.Core.Auditing;
using StalkingProtection.Web.Infrastructure.Security;

namespace StalkingProtection.Web.Api;

/// <summary>The shape every endpoint shares: read and check the body, one service call, the answer; reads are audited.</summary>
public static class ApiRoute
{
    /// <summary>A write: read-write keys only, Idempotency-Key honoured, problems described in the OpenAPI document.</summary>
    public static RouteHandlerBuilder Write<TRequest, TResponse>(this RouteHandlerBuilder builder, string name, string summary,
        int status = StatusCodes.Status201Created)
        where TRequest : notnull =>
        builder.RequireAuthorization(ApiPolicies.ReadWrite)
            .AddEndpointFilter<IdempotencyFilter>()
            .Accepts<TRequest>("application/json")
            .Produces<TResponse>(status)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithName(name)
            .WithSummary(summary);

    public static RouteHandlerBuilder Read<TResponse>(this RouteHandlerBuilder builder, string name, string summary) =>
        builder.Produces<TResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName(name)
            .WithSummary(summary);

    /// <summary>Reads the body strictly, validates it, then runs the call with the domain's errors mapped to problems.</summary>
    public static async Task<IResult> HandleAsync<T>(HttpRequest request, Func<T, Task<IResult>> handle, Func<Task<long?>>? currentVersion = null)
        where T : class, IApiRequest
    {
        var (body, problem) = await ApiJson.ReadAsync<T>(request);
        if (body is null)
        {
            return problem!;
        }

        var validator = new ApiValidator();
        body.Validate(validator);
        return validator.Problem ?? await ApiCall.RunAsync(() => handle(body), currentVersion);
    }

    /// <summary>A read of a record: DPA 2018 s.62, every consultation of personal data is logged with the record it names.</summary>
    public static async Task<IResult> ConsultAsync<T>(HttpContext http, AuditLog audit, string recordType, Guid id, Func<Task<T?>> load)
        where T : class
    {
        var value = await load();
        if (value is null)
        {
            return ApiProblems.NotFound(recordType);
        }

        await audit.RecordConsultationAsync(http.User.ToActor(), AuditEvents.Api.Read(recordType).For(id, "Read through the API"), http.RequestAborted);
        return Results.Ok(value);
    }

    public static IResult Created<T>(string location, T? value)
        where T : class =>
        value is null ? ApiProblems.NotFound("The new record") : Results.Created(location, value);
}
