using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace StalkingProtection.Web.Api;

/// <summary>The OpenAPI document lists every enum's values, as the names the API reads and writes, so a client can rely on it.</summary>
public static class ApiSchemas
{
    public static Task ListEnumValuesAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken ct)
    {
        var declared = context.JsonTypeInfo.Type;
        var type = Nullable.GetUnderlyingType(declared) ?? declared;
        if (type.IsEnum)
        {
            schema.Enum = [.. Enum.GetNames(type).Select(n => (JsonNode)JsonValue.Create(n))];
            schema.Type = Nullable.GetUnderlyingType(declared) is null ? JsonSchemaType.String : JsonSchemaType.String | JsonSchemaType.Null;
        }

        return Task.CompletedTask;
    }

    /// <summary>Lists the values a query parameter read as text accepts (the lists read filters as text to name each bad one).</summary>
    public static RouteHandlerBuilder QueryValues<TEnum>(this RouteHandlerBuilder builder, string parameter)
        where TEnum : struct, Enum =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            if (operation.Parameters?.FirstOrDefault(p => p.Name == parameter) is OpenApiParameter { Schema: OpenApiSchema schema })
            {
                schema.Enum = [.. Enum.GetNames<TEnum>().Select(n => (JsonNode)JsonValue.Create(n))];
            }

            return Task.CompletedTask;
        });
}
