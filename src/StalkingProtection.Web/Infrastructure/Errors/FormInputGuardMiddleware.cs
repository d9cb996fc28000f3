using System.Text.Unicode;
using Microsoft.AspNetCore.Diagnostics;

namespace StalkingProtection.Web.Infrastructure.Errors;

/// <summary>
/// A form body no person could have typed (a control character such as NUL, bytes that are not UTF-8, or a body the form
/// reader cannot parse) is answered 400 before any page sees it, and the status-code page shows the GOV.UK error page.
/// Page models, services and the database then only ever see text: PostgreSQL refuses NUL in text outright.
/// </summary>
public sealed class FormInputGuardMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.HasFormContentType
            && !context.Request.Path.StartsWithSegments("/api")
            && context.Features.Get<IStatusCodeReExecuteFeature>() is null
            && context.Features.Get<IExceptionHandlerFeature>() is null
            && !await IsReadableAsync(context))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        await next(context);
    }

    private static async Task<bool> IsReadableAsync(HttpContext context)
    {
        var request = context.Request;
        var urlEncoded = request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true;
        IFormCollection form;
        try
        {
            if (urlEncoded)
            {
                request.EnableBuffering();
            }

            form = await request.ReadFormAsync(context.RequestAborted);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or BadHttpRequestException or FormatException)
        {
            return false;
        }

        if (form.Any(f => !IsText(f.Key) || f.Value.Any(v => !IsText(v))) || form.Files.Any(f => !IsText(f.FileName) || !IsText(f.Name)))
        {
            return false;
        }

        if (urlEncoded)
        {
            // The form reader quietly turns bytes that are not UTF-8 into U+FFFD, so the raw body is checked as well.
            request.Body.Position = 0;
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, context.RequestAborted);
            request.Body.Position = 0;
            return IsUtf8(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        }

        return true;
    }

    /// <summary>Text holds no control character other than tab, line feed and carriage return (C0, DEL and C1).</summary>
    public static bool IsText(string? value)
    {
        if (value is null)
        {
            return true;
        }

        foreach (var c in value)
        {
            if ((c < ' ' && c is not '\t' and not '\n' and not '\r') || c is >= '\u007F' and <= '\u009F')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Decodes application/x-www-form-urlencoded percent escapes and checks the bytes are UTF-8.</summary>
    private static bool IsUtf8(ReadOnlySpan<byte> body)
    {
        var decoded = new byte[body.Length];
        var length = 0;
        for (var i = 0; i < body.Length; i++)
        {
            var b = body[i];
            if (b == (byte)'%' && i + 2 < body.Length && IsHex(body[i + 1]) && IsHex(body[i + 2]))
            {
                b = (byte)((Hex(body[i + 1]) << 4) | Hex(body[i + 2]));
                i += 2;
            }

            // NUL and the other C0 controls are refused as bytes too, whatever the form reader makes of them.
            if ((b < 0x20 && b is not 0x09 and not 0x0A and not 0x0D) || b == 0x7F)
            {
                return false;
            }

            decoded[length++] = b;
        }

        return Utf8.IsValid(decoded.AsSpan(0, length));

        static bool IsHex(byte b) => b is >= (byte)'0' and <= (byte)'9' or >= (byte)'a' and <= (byte)'f' or >= (byte)'A' and <= (byte)'F';
        static int Hex(byte b) => b <= (byte)'9' ? b - '0' : (b | 0x20) - 'a' + 10;
    }
}
