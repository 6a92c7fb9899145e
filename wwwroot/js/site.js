// SyncHub's only script: no inline handlers anywhere, so the Content-Security-Policy can forbid them.

// Every htmx request that changes something carries the antiforgery token from the page's meta tag.
document.addEventListener("htmx:configRequest", (event) => {
  if (event.detail.verb === "get") {
    return;
  }
  const meta = document.querySelector('meta[name="request-verification-token"]');
  if (meta) {
    event.detail.headers["RequestVerificationToken"] = meta.content;
  }
});

// "Select all" on the failed list, delegated so it survives htmx swaps.
document.addEventListener("change", (event) => {
  if (event.target.id !== "select-all") {
    return;
  }
  const form = event.target.closest("form");
  form.querySelectorAll('input[type="checkbox"][name="ids"]').forEach((box) => {
    box.checked = event.target.checked;
  });
});
