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

// A refused or failed htmx request leaves the page as it was and says why, as text (never as HTML).
document.addEventListener("htmx:responseError", (event) => {
  const flash = document.getElementById("flash");
  if (!flash) {
    return;
  }
  const status = event.detail.xhr.status;
  const reason = (event.detail.xhr.responseText || "").slice(0, 300);
  flash.textContent = status === 403
    ? "Not allowed: " + (reason || "your role does not allow this action.")
    : "The server could not do that (HTTP " + status + "). Nothing was changed; try again.";
  flash.hidden = false;
});
