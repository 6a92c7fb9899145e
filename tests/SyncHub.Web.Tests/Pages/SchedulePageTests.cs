using System.Net;
using Shouldly;
using SyncHub.TestUtils;
using SyncHub.Web.Security;
using SyncHub.Web.Tests.Support;

namespace SyncHub.Web.Tests.Pages;

public sealed class SchedulePageTests(SyncHubWebFactory factory) : IClassFixture<SyncHubWebFactory>
{
    private static readonly KeyValuePair<string, string>[] ValidForm =
    [
        new("Form.ScheduleEnabled", "true"), new("Form.Schedule", "0 0/30 * * * ?"), new("Form.RetryOnFailure", "true"),
        new("Form.RetryDelays", "00:05:00,00:30:00"), new("Form.TimeoutSeconds", "600"), new("Form.BatchSize", "50"),
        new("Form.BreakerFailurePercent", "40"), new("Form.BreakerMinimumProcessed", "20"), new("Form.CutOffDate", "2026-01-01"),
        new("Form.DuplicateDetection", "true"),
    ];

    [Fact]
    public async Task Save_ValidPolicy_IsStoredAndShown()
    {
        using var api = factory.CreateApiClient();
        await api.EnsureSourceIntegrationAsync("schedule-ok");
        using var browser = await Browser.SignedInAsync(factory);
        await browser.OpenAsync("/schedules/schedule-ok");

        using var response = await browser.FormPostAsync("/schedules/schedule-ok", ValidForm);

        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        page.QuerySelector("#saved").ShouldNotBeNull();
        var runs = await browser.OpenAsync("/runs?integration=schedule-ok");
        runs.Single(".run-facts").TextContent.ShouldContain("0 0/30 * * * ?");
        runs.Single("#next-scheduled").TextContent.ShouldNotBe("—");
    }

    [Theory]
    [InlineData("Form.Schedule", "every now and then", "neither an interval")]
    [InlineData("Form.RetryDelays", "5 minutes", "comma-separated waits")]
    [InlineData("Form.TimeoutSeconds", "5", "between 10 and 86,400")]
    [InlineData("Form.BreakerFailurePercent", "0", "between 0.01 and 1")]
    [InlineData("Form.TimeoutSeconds", "ten", "Enter a valid value")]
    public async Task Save_BadValue_NamesTheFieldAndChangesNothing(string field, string value, string message)
    {
        using var api = factory.CreateApiClient();
        await api.EnsureSourceIntegrationAsync("schedule-bad");
        using var browser = await Browser.SignedInAsync(factory);
        await browser.OpenAsync("/schedules/schedule-bad");
        var form = ValidForm.Select(f => f.Key == field ? new KeyValuePair<string, string>(field, value) : f);

        using var response = await browser.FormPostAsync("/schedules/schedule-bad", form);

        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        page.Single($"[data-valmsg-for='{field}']").TextContent.ShouldContain(message);
        page.QuerySelector("#saved").ShouldBeNull();
        var runs = await browser.OpenAsync("/runs?integration=schedule-bad");
        runs.Single(".run-facts").TextContent.ShouldNotContain("0 0/30");
    }

    [Fact]
    public async Task Operator_CannotOpenSchedules()
    {
        using var api = factory.CreateApiClient();
        await api.EnsureSourceIntegrationAsync("schedule-operator");
        using var client = await factory.CreateSignedInClientAsync(Roles.Operator);

        using var response = await client.GetAsync("/schedules/schedule-operator");

        response.StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Redirect);
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            response.Headers.Location!.ToString().ShouldContain("denied", Case.Insensitive);
        }
    }
}
