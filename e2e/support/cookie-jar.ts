/**
 * A cookie jar for one host, for headless HTTP tests. Browsers keep cookies per host and
 * ignore ports, so a test that talks to the identity provider and to Callboard on the same
 * loopback address must give each its own jar (stack-notes: "the cookie-jar trap").
 */
export class CookieJar {
  readonly #cookies = new Map<string, string>();

  constructor(readonly origin: string) {}

  /** Remembers the Set-Cookie headers of a response from this jar's origin. */
  store(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = "", ...attributes] = line.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some((a) => {
        const [key = "", v = ""] = a.trim().split("=");
        return (
          (key.toLowerCase() === "max-age" && Number(v) <= 0) ||
          (key.toLowerCase() === "expires" && Date.parse(v) < Date.now())
        );
      });
      if (expired || value === "") this.#cookies.delete(name);
      else this.#cookies.set(name, value);
    }
  }

  header(): string {
    return [...this.#cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  /** fetch with this jar's cookies, redirects not followed (the test reads each hop). */
  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    if (new URL(url).origin !== this.origin) throw new Error(`${url} is not on ${this.origin}`);
    const headers = new Headers(init.headers);
    const cookie = this.header();
    if (cookie) headers.set("cookie", cookie);
    const response = await fetch(url, { ...init, headers, redirect: "manual" });
    this.store(response);
    return response;
  }
}
