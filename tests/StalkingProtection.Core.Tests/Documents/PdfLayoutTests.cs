using System.Buffers.Binary;
using System.Diagnostics;
using System.IO.Compression;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Documents;
using StalkingProtection.TestCommon;

namespace StalkingProtection.Core.Tests.Documents;

/// <summary>
/// The first page of a generated PDF rendered to PNG by poppler's pdftoppm (scripts/test installs poppler-utils): an A4 page with the
/// dark OFFICIAL-SENSITIVE band across its top and words below it. Not a pixel-exact golden image, which would break on any font change.
/// </summary>
public class PdfLayoutTests
{
    private const int Dpi = 36;

    [Fact]
    public async Task OrderBriefing_FirstPageAsPng_IsA4_WithTheMarkingBandAcrossTheTop_AndTextBelowIt()
    {
        await using var db = await TestDatabase.CreateAsync();
        var order = await new TestData(db).CreateOrderAsync();
        await using var context = db.CreateContext();
        var clock = TestClock.At(order.MadeOn.AddDays(1));
        var document = await new DocumentService(context, new AuditLog(context, clock), clock).OrderBriefingAsync(order.OrderId, "Layout check", TestData.Officer);

        var page = Png.Decode(await RenderFirstPageAsync(DocumentRenderer.Render(document!, DocumentFileFormat.Pdf).Content));

        // A4 is 595 x 842 points: 298 x 421 pixels at 36 dpi.
        Assert.InRange(page.Width, 297, 299);
        Assert.InRange(page.Height, 420, 422);
        var band = page.Row(5);
        Assert.True(band.Count(p => p < 60) > page.Width * 0.6, "the top band is dark across the page");
        Assert.Contains(page.Row(7), p => p > 160);
        Assert.True(page.Row(16).Average(p => p) > 240, "the page is white below the band");
        var body = Enumerable.Range(22, 180).SelectMany(page.Row).Count(p => p < 128);
        Assert.True(body > 500, $"the briefing's words are drawn below the band ({body} dark pixels)");
    }

    private static async Task<byte[]> RenderFirstPageAsync(byte[] pdf)
    {
        var folder = Directory.CreateTempSubdirectory("sp-pdf-");
        try
        {
            var input = Path.Combine(folder.FullName, "document.pdf");
            await File.WriteAllBytesAsync(input, pdf);
            var start = new ProcessStartInfo("pdftoppm") { RedirectStandardError = true };
            foreach (var arg in new[] { "-png", "-r", Dpi.ToString(System.Globalization.CultureInfo.InvariantCulture), "-f", "1", "-l", "1", "-singlefile", input,
                         Path.Combine(folder.FullName, "page") })
            {
                start.ArgumentList.Add(arg);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException("pdftoppm (Debian poppler-utils) could not be started");
            var errors = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, $"pdftoppm failed: {errors}");
            return await File.ReadAllBytesAsync(Path.Combine(folder.FullName, "page.png"));
        }
        finally
        {
            folder.Delete(true);
        }
    }

    /// <summary>Just enough PNG to read an 8-bit image: the IDAT stream inflated and each row unfiltered.</summary>
    private sealed record Png(int Width, int Height, byte[] Pixels)
    {
        public IEnumerable<byte> Row(int y) => Pixels.Skip(y * Width).Take(Width);

        public static Png Decode(byte[] png)
        {
            int width = 0, height = 0, channels = 1;
            using var data = new MemoryStream();
            for (var at = 8; at < png.Length;)
            {
                var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
                var type = System.Text.Encoding.ASCII.GetString(png, at + 4, 4);
                if (type == "IHDR")
                {
                    width = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at + 8));
                    height = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at + 12));
                    Assert.Equal(8, png[at + 16]);
                    channels = png[at + 17] switch { 0 => 1, 2 => 3, 4 => 2, 6 => 4, var other => throw new InvalidOperationException($"PNG colour type {other}") };
                }
                else if (type == "IDAT")
                {
                    data.Write(png, at + 8, length);
                }

                at += length + 12;
            }

            data.Position = 0;
            using var inflated = new MemoryStream();
            using (var z = new ZLibStream(data, CompressionMode.Decompress))
            {
                z.CopyTo(inflated);
            }

            var raw = inflated.ToArray();
            var stride = width * channels;
            var samples = new byte[stride * height];
            for (var y = 0; y < height; y++)
            {
                var filter = raw[y * (stride + 1)];
                for (var x = 0; x < stride; x++)
                {
                    var value = raw[(y * (stride + 1)) + 1 + x];
                    int left = x >= channels ? samples[(y * stride) + x - channels] : 0;
                    int up = y > 0 ? samples[((y - 1) * stride) + x] : 0;
                    int upLeft = x >= channels && y > 0 ? samples[((y - 1) * stride) + x - channels] : 0;
                    samples[(y * stride) + x] = (byte)(value + filter switch
                    {
                        1 => left,
                        2 => up,
                        3 => (left + up) / 2,
                        4 => Paeth(left, up, upLeft),
                        _ => 0,
                    });
                }
            }

            // The first sample of each pixel: grey, or red, which is as dark as the rest on a black-and-white page.
            var pixels = new byte[width * height];
            for (var i = 0; i < pixels.Length; i++)
            {
                pixels[i] = samples[i * channels];
            }

            return new Png(width, height, pixels);
        }

        private static int Paeth(int a, int b, int c)
        {
            var p = a + b - c;
            int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
            return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
        }
    }
}
