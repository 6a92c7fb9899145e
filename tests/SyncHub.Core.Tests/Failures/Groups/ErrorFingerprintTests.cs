using Shouldly;
using SyncHub.Connectors;
using SyncHub.Core.Failures.Groups;

namespace SyncHub.Core.Tests.Failures.Groups;

public sealed class ErrorFingerprintTests
{
    [Theory]
    [InlineData("Invoice INV-1001 amount 12.50 refused", "Invoice INV-2002 amount 7 refused")]
    [InlineData("Contact 3f2504e0-4f89-11d3-9a0c-0305e82c3301 not found", "Contact 9B2F1C7A-0000-4000-8000-00000000ABCD not found")]
    [InlineData("Email jane.doe@example.com is already used", "Email bob+shop@mail.example.org is already used")]
    [InlineData("Field 'Reference' value \"ORD/77\" is too long", "Field 'Reference' value \"A much longer reference\" is too long")]
    [InlineData("Due date 2026-11-25 is before 2026-11-01T10:15:00Z", "Due date 2025-01-03 is before 2024-12-31T23:59:59+01:00")]
    [InlineData("Rejected at 10:15:02 on 25/11/2026", "Rejected at 9:01 on 3/1/2025")]
    [InlineData("GET https://api.example.com/invoices?page=3&id=9 failed", "GET https://api.example.com/invoices?page=17&id=4410 failed")]
    [InlineData("Token 0xDEADBEEF01 rejected; hash 9f86d081884c7d659a2feaa0c55ad015", "Token 0x1A rejected; hash 2c26b46b68ffc68ff99b453c1d304134")]
    [InlineData("Line   item\t4 is\ninvalid", "line item 19 is invalid")]
    [InlineData("Customer C123 over limit by -45.20", "Customer X9 over limit by 1,000.00")]
    public void For_MessagesDifferingOnlyInValues_AreTheSame(string first, string second)
    {
        ErrorFingerprint.For(1, ErrorClass.Validation, first).ShouldBe(ErrorFingerprint.For(1, ErrorClass.Validation, second));
    }

    [Theory]
    [InlineData("Invoice amount refused", "Invoice currency refused")]
    [InlineData("Contact not found", "Account not found")]
    [InlineData("Rate limit exceeded", "Rate limit exceeded for tenant; contact support")]
    public void For_DifferentWords_AreDifferent(string first, string second)
    {
        ErrorFingerprint.For(1, ErrorClass.Validation, first).ShouldNotBe(ErrorFingerprint.For(1, ErrorClass.Validation, second));
    }

    [Fact]
    public void For_SameMessageOtherErrorClass_IsDifferent()
    {
        const string message = "Invoice INV-1001 amount 12.50 refused";

        ErrorFingerprint.For(1, ErrorClass.Validation, message).ShouldNotBe(ErrorFingerprint.For(1, ErrorClass.Conflict, message));
    }

    [Fact]
    public void For_SameMessageOtherIntegration_IsDifferent()
    {
        const string message = "Invoice INV-1001 amount 12.50 refused";

        ErrorFingerprint.For(1, ErrorClass.Validation, message).ShouldNotBe(ErrorFingerprint.For(2, ErrorClass.Validation, message));
    }

    [Fact]
    public void For_AnyMessage_IsLowerHexOfTheColumnSize()
    {
        var fingerprint = ErrorFingerprint.For(7, ErrorClass.Transient, new string('x', 5000));

        fingerprint.Length.ShouldBe(ErrorFingerprint.Length);
        fingerprint.ShouldMatch("^[0-9a-f]+$");
    }

    [Fact]
    public void For_NullAndBlankMessages_AreTheSameGroup()
    {
        ErrorFingerprint.For(1, ErrorClass.Transient, null).ShouldBe(ErrorFingerprint.For(1, ErrorClass.Transient, "   "));
        ErrorFingerprint.For(1, null, null).ShouldNotBe(ErrorFingerprint.For(1, ErrorClass.Transient, null));
    }

    [Theory]
    [InlineData("Invoice INV-1001 amount 12.50 refused", "invoice <id> amount <n> refused")]
    [InlineData("Email jane@example.com for 3f2504e0-4f89-11d3-9a0c-0305e82c3301", "email <email> for <guid>")]
    [InlineData("Field 'Reference' doesn't accept \"x\"", "field <value> doesn't accept <value>")]
    [InlineData("POST https://x.test/a/b?key=secret&n=1 timed out at 2026-11-25T10:00:00Z", "post https://x.test/a/b timed out at <date>")]
    [InlineData("  Service   Unavailable  ", "service unavailable")]
    [InlineData("deadbeef is a word, cafe0123babe a hash", "deadbeef is a word, <hex> a hash")]
    public void Normalize_StripsWhatVaries(string message, string expected)
    {
        ErrorFingerprint.Normalize(message).ShouldBe(expected);
    }

    [Fact]
    public void Normalize_VeryLongMessage_IsBounded()
    {
        ErrorFingerprint.Normalize(string.Join(' ', Enumerable.Repeat("word", 2000))).Length.ShouldBeLessThanOrEqualTo(500);
    }
}
