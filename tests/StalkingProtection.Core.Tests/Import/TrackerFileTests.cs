using System.Text;
using StalkingProtection.Core.Import;
using StalkingProtection.TestCommon;

namespace StalkingProtection.Core.Tests.Import;

public class TrackerFileTests
{
    private static readonly string _samples = Path.Combine(RepositoryPaths.Root, "docs", "samples");

    private static IReadOnlyList<TrackerRow> Read(byte[] bytes, string name) => TrackerFile.Read(new MemoryStream(bytes), name);

    [Fact]
    public void SampleTracker_ReadsTheSameAsCsvAndAsExcel()
    {
        var csv = Read(File.ReadAllBytes(Path.Combine(_samples, "spo-tracker.csv")), "spo-tracker.csv");
        var xlsx = Read(File.ReadAllBytes(Path.Combine(_samples, "spo-tracker.xlsx")), "spo-tracker.xlsx");

        Assert.Equal(8, csv.Count);
        Assert.Equal(csv.Select(r => r.Hash), xlsx.Select(r => r.Hash));
    }

    [Theory]
    [InlineData("utf-8-bom")]
    [InlineData("utf-8")]
    [InlineData("windows-1252")]
    public void Encodings_ReadTheSameNames(string encoding)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var text = "Order reference,Respondent family name,Respondent given names,Protected persons,Applicant force,Application date,Court,Interim or full,Made on,Last day,Conditions,Officer in charge\r\n"
            + "R-1,Ó Súilleabháin,Seán,Zoë Brontë,Kent,01/02/2025,Canterbury Magistrates' Court,Full,05/02/2025,04/02/2027,Must not contact Zoë Brontë,DC Renée Fox\r\n";
        var bytes = encoding switch
        {
            "utf-8-bom" => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)],
            "utf-8" => Encoding.UTF8.GetBytes(text),
            _ => Encoding.GetEncoding(1252).GetBytes(text),
        };

        var row = Read(bytes, "tracker.csv").Single();

        Assert.Equal("R-1", row.Key);
        Assert.Equal("Ó Súilleabháin", row[TrackerColumn.RespondentFamilyName]);
        Assert.Equal("Zoë Brontë", row[TrackerColumn.ProtectedPersons]);
    }

    [Theory]
    [InlineData("", "tracker.csv", "The file is empty")]
    [InlineData("%PDF-1.7", "tracker.pdf", "must be a CSV file")]
    [InlineData("Order reference\0\0", "tracker.csv", "not a CSV file")]
    [InlineData("Order reference,Court", "tracker.xlsx", "not an Excel workbook")]
    [InlineData("Name,Date of birth\r\nA,01/01/1990", "tracker.csv", "\"Order reference\"")]
    [InlineData("\r\n\r\n", "tracker.csv", "no rows")]
    public void BadFile_IsRefusedAsAWholeSayingWhy(string text, string name, string message)
    {
        var e = Assert.Throws<TrackerFileException>(() => Read(Encoding.UTF8.GetBytes(text), name));

        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HeaderOnly_IsRefused()
    {
        var header = string.Join(",", TrackerColumns.All.Select(c => c.Header));

        var e = Assert.Throws<TrackerFileException>(() => Read(Encoding.UTF8.GetBytes(header), "tracker.csv"));

        Assert.Contains("no orders", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FileOverTheLimit_IsRefused()
    {
        var e = Assert.Throws<TrackerFileException>(() => Read(new byte[TrackerFile.MaxBytes + 1], "tracker.csv"));

        Assert.Contains("smaller than", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("'=HYPERLINK(\"x\")", "=HYPERLINK(\"x\")")]
    [InlineData("'@SUM(A1)", "@SUM(A1)")]
    [InlineData("'Connor", "'Connor")]
    public void Unguard_RemovesOnlyTheApostropheTheExportPutsBeforeAFormula(string cell, string read)
    {
        Assert.Equal(read, TrackerExport.Unguard(cell));
    }
}
