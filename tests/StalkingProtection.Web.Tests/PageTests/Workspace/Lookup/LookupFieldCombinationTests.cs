using System.Net;
using StalkingProtection.Core.Staff;
using StalkingProtection.Web.Tests.Infrastructure;

namespace StalkingProtection.Web.Tests.PageTests.Workspace.Lookup;

/// <summary>
/// Every combination of the lookup's fields is either a search or field errors in the error summary: a combination the
/// search refuses (a last name without a date of birth, a date of birth without a last name) never reaches it.
/// </summary>
public class LookupFieldCombinationTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    private static readonly string?[] _incident = [null, "", "INC-7"];
    private static readonly string?[] _familyName = [null, " ", "Example"];
    private static readonly (string? Day, string? Month, string? Year)[] _dateOfBirth =
        [(null, null, null), ("", "", ""), ("15", "", ""), ("31", "2", "1985"), ("15", "6", "1985")];
    private static readonly string?[] _pnc = [null, "", "2001/0123456X"];
    private static readonly string?[] _address = [null, "", "Moss Lane", "12 Moss Lane"];

    public static TheoryData<int> Combinations() =>
        new(Enumerable.Range(0, _incident.Length * _familyName.Length * _dateOfBirth.Length * _pnc.Length * _address.Length));

    [Theory]
    [MemberData(nameof(Combinations))]
    public async Task Post_AnyCombinationOfFields_IsASearchOrFieldErrorsAndNever500(int combination)
    {
        // Arrange
        var (incident, family, dob, pnc, address) = Combination(combination);
        var fields = new Dictionary<string, string>();
        void Put(string name, string? value)
        {
            if (value is not null)
            {
                fields[name] = value;
            }
        }

        Put("IncidentNumber", incident);
        Put("FamilyName", family);
        Put("DateOfBirth.Day", dob.Day);
        Put("DateOfBirth.Month", dob.Month);
        Put("DateOfBirth.Year", dob.Year);
        Put("PncId", pnc);
        Put("Address", address);
        var validDate = dob.Day == "15" && dob.Month == "6";
        var anyDate = !string.IsNullOrEmpty(dob.Day);
        var hasFamily = !string.IsNullOrWhiteSpace(family);
        var hasPnc = !string.IsNullOrWhiteSpace(pnc);
        var byName = hasFamily || anyDate;
        var isSearch = !string.IsNullOrWhiteSpace(incident)
            && (hasPnc ? !anyDate || validDate : byName ? hasFamily && validDate : Core.Lookup.AddressSearch.Parse(address) is not null);
        var client = factory.CreateBrowser(await factory.CreateUserAsync(StaffRoles.Lookup));

        // Act
        var response = await client.SubmitFormAsync("/workspace/lookup", fields);
        var document = await response.GetDocumentAsync();

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        if (isSearch)
        {
            Assert.Empty(document.ErrorSummaryMessages());
            Assert.NotNull(document.QuerySelector("#results"));
        }
        else
        {
            Assert.NotEmpty(document.ErrorSummaryMessages());
            Assert.All(document.QuerySelectorAll(".govuk-error-summary__list a"),
                a => Assert.NotNull(document.GetElementById(a.GetAttribute("href")!.TrimStart('#'))));
            Assert.Null(document.QuerySelector("#results"));
        }
    }

    [Fact]
    public async Task Post_LastNameWithoutDateOfBirth_AsksForTheDateOfBirth()
    {
        // Arrange
        var client = factory.CreateBrowser(await factory.CreateUserAsync(StaffRoles.Lookup));

        // Act
        var response = await client.SubmitFormAsync("/workspace/lookup", new Dictionary<string, string>
        {
            ["IncidentNumber"] = "INC-7",
            ["FamilyName"] = "Example",
            ["DateOfBirth.Day"] = "",
            ["DateOfBirth.Month"] = "",
            ["DateOfBirth.Year"] = "",
        });

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Enter a date of birth"], (await response.GetDocumentAsync()).ErrorSummaryMessages());
    }

    private static (string? Incident, string? Family, (string? Day, string? Month, string? Year) Dob, string? Pnc, string? Address) Combination(int n)
    {
        var address = _address[n % _address.Length];
        n /= _address.Length;
        var pnc = _pnc[n % _pnc.Length];
        n /= _pnc.Length;
        var dob = _dateOfBirth[n % _dateOfBirth.Length];
        n /= _dateOfBirth.Length;
        var family = _familyName[n % _familyName.Length];
        n /= _familyName.Length;
        return (_incident[n], family, dob, pnc, address);
    }
}
