using Microsoft.AspNetCore.Mvc.ModelBinding;
using SyncHub.Core.Validation;

namespace SyncHub.Web.Pages.Schedules;

/// <summary>Puts a Core service's field errors next to the form fields they name.</summary>
public static class FormFieldErrors
{
    public static void AddTo(ModelStateDictionary modelState, string form, FieldErrors? errors, Func<string, string> fieldFor)
    {
        foreach (var (field, messages) in errors?.ToDictionary() ?? [])
        {
            foreach (var message in messages)
            {
                modelState.AddModelError($"{form}.{fieldFor(field)}", message);
            }
        }
    }
}
