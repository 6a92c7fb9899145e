using Shouldly;
using SyncHub.Core.Fixes;

namespace SyncHub.Core.Tests.Fixes;

public sealed class EmailFixerTests
{
    [Theory]
    [InlineData(" Ann@Example.COM ", "ann@example.com")]
    [InlineData("<ann@example.com>", "ann@example.com")]
    [InlineData("mailto:Ann@Example.com", "ann@example.com")]
    [InlineData("MAILTO:<bob.smith+tag@mail.example.co.uk>", "bob.smith+tag@mail.example.co.uk")]
    [InlineData("< ann@example.com >", "ann@example.com")]
    [InlineData("ann@example.com", "ann@example.com")]
    [InlineData("o'neil@example.ie", "o'neil@example.ie")]
    public void Normalize_FixableAddress_ReturnsTheCleanAddress(string input, string expected) =>
        EmailFixer.Normalize(input).ShouldBe(expected);

    [Theory]
    [InlineData("")]
    [InlineData("not an email")]
    [InlineData("ann@")]
    [InlineData("@example.com")]
    [InlineData("ann@example")]
    [InlineData("ann@@example.com")]
    [InlineData("ann smith@example.com")]
    [InlineData(".ann@example.com")]
    [InlineData("ann..smith@example.com")]
    [InlineData("ann@-example.com")]
    [InlineData("Ann <ann@example.com>")]
    [InlineData("ann@exämple.com")]
    public void Normalize_NotAnAddress_ReturnsNull(string input) =>
        EmailFixer.Normalize(input).ShouldBeNull();

    [Theory]
    [InlineData("email", true)]
    [InlineData("emailaddress", true)]
    [InlineData("contactemail", true)]
    [InlineData("name", false)]
    public void Suggests_KeysNamingAnEmail(string key, bool expected) =>
        new EmailFixer().Suggests(key).ShouldBe(expected);
}
