import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";

import { Button, buttonClass } from "./button";

describe("Button", () => {
  it("never submits a form unless asked to (a bare <button> in a form would)", () => {
    expect(renderToStaticMarkup(<Button>Reset</Button>)).toMatch(/^<button type="button"/);
    expect(renderToStaticMarkup(<Button type="submit">Apply</Button>)).toMatch(
      /^<button type="submit"/,
    );
  });

  it("styles by variant and size, keeping the caller's classes", () => {
    const html = renderToStaticMarkup(
      <Button variant="primary" size="sm" className="ms-auto" disabled>
        Go
      </Button>,
    );
    expect(html).toContain("bg-sky-700");
    expect(html).toContain("px-2.5");
    expect(html).toContain("ms-auto");
    expect(html).toContain('disabled=""');
  });

  it("styles a link as a button", () => {
    expect(buttonClass({ variant: "ghost", size: "icon" })).toMatch(
      /size-9.*rounded-full|rounded-full.*size-9/,
    );
  });
});
