using System.ComponentModel.DataAnnotations;
using SyncHub.Data.Entities;

namespace SyncHub.Web.Pages.ApiKeys;

public sealed class NewApiKeyForm
{
    [Required(ErrorMessage = "Name the key after what will use it.")]
    [StringLength(100, ErrorMessage = "Use at most 100 characters.")]
    [RegularExpression(@"^[^\p{C}]*$", ErrorMessage = "Use letters, digits, spaces and punctuation only.")]
    [Display(Name = "Name")]
    public string Name { get; set; } = "";

    [Display(Name = "Scope")]
    public ApiKeyScope Scope { get; set; } = ApiKeyScope.Ingest;
}
