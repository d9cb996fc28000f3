using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Rules;

namespace StalkingProtection.Web.Api;

/// <summary>
/// Runs one service call and turns the domain's answers into HTTP: broken rules → 422 listing every rule, a stale version →
/// 409 with the current one, an unknown id → 404. Nothing is saved when the call fails, because each service saves once at its end.
/// </summary>
public static class ApiCall
{
    public static async Task<IResult> RunAsync(Func<Task<IResult>> call, Func<Task<long?>>? currentVersion = null)
    {
        try
        {
            return await call();
        }
        catch (RuleViolationException ex) when (ex.IsConflict)
        {
            return ApiProblems.Invalid(ex.Violations.Select(v => new ApiProblems.FieldError(v.Field, v.Message)).ToList(), StatusCodes.Status409Conflict);
        }
        catch (RuleViolationException ex) when (ex.IsInput)
        {
            return ApiProblems.Invalid(ex.Violations.Select(v => new ApiProblems.FieldError(v.Field, v.Message)).ToList());
        }
        catch (RuleViolationException ex)
        {
            return RuleProblem(ex);
        }
        catch (DbUpdateConcurrencyException)
        {
            var version = currentVersion is null ? null : await currentVersion();
            return Results.Problem(
                title: "Someone else changed this record",
                detail: $"The record was changed after you read it. Read it again and resend your change with \"version\": {version}.",
                statusCode: StatusCodes.Status409Conflict,
                extensions: new Dictionary<string, object?> { ["currentVersion"] = version });
        }
        catch (DbUpdateException)
        {
            // The database refused the change: a record named in the body does not exist, or a value that must be unique is repeated.
            return ApiProblems.Invalid(
                [new ApiProblems.FieldError("body", "The request names a record that does not exist, or repeats a value that must be unique (such as an acknowledgement reference). Nothing was saved.")],
                StatusCodes.Status409Conflict);
        }
        catch (InvalidOperationException ex) when (ex.Message.Contains("Sequence contains no elements", StringComparison.Ordinal))
        {
            // A record the request names (in the route or the body) does not exist.
            return ApiProblems.NotFound("A record named in the request was");
        }
        catch (ArgumentException ex)
        {
            return ApiProblems.Invalid(ex.ParamName ?? "body", ex.Message.Split(" (Parameter", StringSplitOptions.None)[0]);
        }
    }

    /// <summary>Every broken rule by ID, field, message and legal source; warnings say how to override them.</summary>
    public static IResult RuleProblem(RuleViolationException ex)
    {
        var errors = ex.Violations.Select(v => new ApiProblems.FieldError(v.Field, v.Message, v.RuleId, v.LegalSource))
            .Concat(ex.Warnings.Select(w => new ApiProblems.FieldError(w.Field, w.Message, w.RuleId, w.LegalSource)))
            .ToList();
        if (errors.Count == 0)
        {
            errors.Add(new ApiProblems.FieldError("body", ex.Message));
        }

        var extensions = new Dictionary<string, object?> { ["errors"] = errors };
        string? detail = null;
        if (ex.Warnings.Count > 0)
        {
            var rules = ex.Warnings.Select(w => w.RuleId).Distinct().ToList();
            extensions["overridable"] = rules;
            detail = ex.CanBeOverridden
                ? $"Only warnings blocked this request ({string.Join(", ", rules)}). To go ahead, send the same request with " +
                  $"\"overrides\": [{string.Join(", ", rules.Select(r => $"{{\"rule\": \"{r}\", \"reason\": \"why it is right to go ahead\"}}"))}] in the body; the reason is audited."
                : $"Correct the broken rules first. The warnings ({string.Join(", ", rules)}) can then be overridden with \"overrides\": [{{\"rule\": \"…\", \"reason\": \"…\"}}].";
        }

        return Results.Problem(
            title: "The request breaks a rule of the Stalking Protection Act or its guidance",
            detail: detail ?? string.Join(" ", errors.Select(e => $"{e.Rule}: {e.Message}")),
            statusCode: StatusCodes.Status422UnprocessableEntity,
            type: "https://stalking-protection.example/problems/rule-violation",
            extensions: extensions);
    }
}
