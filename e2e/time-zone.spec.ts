import { expect, test } from "./fixtures";
import { busyDayRange, callsUrl, waitForRows } from "./helpers";

// The servers run with CALLBOARD_TIMEZONE=Asia/Jerusalem; this viewer is five or six hours
// behind it (São Paulo keeps UTC−3 all year).
const VIEWER_ZONE = "America/Sao_Paulo";
test.use({ timezoneId: VIEWER_ZONE });

/** The `datetime-local` value of an instant on the viewer's wall clock. */
function wallInput(ms: number): string {
  return new Intl.DateTimeFormat("sv-SE", {
    timeZone: VIEWER_ZONE,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  })
    .format(ms)
    .replace(" ", "T");
}

test.describe("a viewer in another time zone than the server's default", () => {
  test("sees a shared custom range in their own zone, and editing one end keeps the other", async ({
    page,
  }) => {
    const range = busyDayRange();
    const from = Date.parse(range.from);
    const to = Date.parse(range.to);
    await page.goto(callsUrl());
    await waitForRows(page);

    const fromInput = page.getByLabel("From", { exact: true });
    const toInput = page.getByLabel("To", { exact: true });
    await expect(fromInput).toHaveValue(wallInput(from));
    await expect(toInput).toHaveValue(wallInput(to));
    const filters = page.getByRole("region", { name: "Filters" });
    await expect(filters.getByText(`Times in ${VIEWER_ZONE}`)).toBeVisible();

    // One hour earlier on the viewer's clock (the input holds whole minutes).
    const newTo = Math.floor(to / 60_000) * 60_000 - 3_600_000;
    await toInput.fill(wallInput(newTo));
    await toInput.blur();
    await expect.poll(() => new URL(page.url()).searchParams.get("to")).not.toBe(range.to);
    const params = new URL(page.url()).searchParams;
    expect(Date.parse(params.get("from") ?? "")).toBe(from);
    expect(Date.parse(params.get("to") ?? "")).toBe(newTo);
    await waitForRows(page);
    await expect(fromInput).toHaveValue(wallInput(from));
  });
});
