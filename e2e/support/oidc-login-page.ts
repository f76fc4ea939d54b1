/** The test identity provider's sign-in page: a plain form a Playwright test can fill. */
export interface LoginPageOptions {
  uid: string;
  clientId: string;
  /** Shown above the form after a wrong e-mail or password. */
  error?: string;
  /** The e-mail typed before, kept after an error. */
  login?: string;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function loginPage(options: LoginPageOptions): string {
  const uid = encodeURIComponent(options.uid);
  const error = options.error ? `<p role="alert" id="error">${escapeHtml(options.error)}</p>` : "";
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Test identity provider · Sign in</title></head>
<body>
<main>
<h1>Test identity provider</h1>
<p>Signing in to <strong>${escapeHtml(options.clientId)}</strong></p>
${error}
<form method="post" action="/interaction/${uid}/login">
<label>E-mail <input name="login" type="email" autocomplete="username" required value="${escapeHtml(options.login ?? "")}"></label>
<label>Password <input name="password" type="password" autocomplete="current-password" required></label>
<button type="submit">Sign in</button>
</form>
<form method="post" action="/interaction/${uid}/abort"><button type="submit">Cancel</button></form>
</main>
</body>
</html>`;
}

/** The provider's error page (a bad request from the app, such as an unknown redirect URI). */
export function errorPage(out: Record<string, string>): string {
  const lines = Object.entries(out).map(
    ([key, value]) => `<p><strong>${escapeHtml(key)}</strong>: ${escapeHtml(value)}</p>`,
  );
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test identity provider · Error</title></head><body><main><h1>Sign-in error</h1>${lines.join("")}</main></body></html>`;
}
