using System.ComponentModel.DataAnnotations;
using SyncHub.Web.Security;

namespace SyncHub.Web.Pages.Users;

public sealed class NewUserForm
{
    [Required(ErrorMessage = "Enter an email.")]
    [EmailAddress(ErrorMessage = "Enter an email address.")]
    [StringLength(256)]
    [Display(Name = "Email")]
    public string Email { get; set; } = "";

    [Required]
    [AllowedValues(Roles.Administrator, Roles.Operator, Roles.Viewer, ErrorMessage = "Pick Administrator, Operator or Viewer.")]
    [Display(Name = "Role")]
    public string Role { get; set; } = Roles.Viewer;
}
