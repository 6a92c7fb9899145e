// (Not id="api-reference": the Scalar bundle mounts itself, unconfigured, on an element of that id.)
// Starts the Scalar API reference on /api-reference from the document the page names (no inline script, so the
// strict script policy holds). Calls tried here go to this SyncHub with the key typed into the page.
document.addEventListener('DOMContentLoaded', () => {
  const target = document.getElementById('reference-app');
  if (!target || !window.Scalar) {
    return;
  }

  window.Scalar.createApiReference('#reference-app', {
    sources: [{ title: 'SyncHub API v1', slug: 'v1', url: new URL(target.dataset.document, window.location.origin).toString() }],
    baseServerURL: window.location.origin,
    withDefaultFonts: false,
    telemetry: false,
    persistAuth: false,
    showDeveloperTools: 'never',
    agent: { disabled: true },
    hideClientButton: false,
    authentication: { preferredSecurityScheme: 'ApiKey' },
  });
});
