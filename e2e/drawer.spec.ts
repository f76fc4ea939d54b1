import { expect, test } from "./fixtures";
import { callsUrl, waitForRows } from "./helpers";

test.describe("call details and recordings", () => {
  test("a queue call opens in a dialog with its IVR path; Escape closes it and focus returns", async ({
    page,
  }) => {
    await page.goto(callsUrl({ type: "8", status: "ANSWER" }));
    await waitForRows(page);
    const row = page.locator("tbody [role=row]").first();
    await row.click();
    await expect(page).toHaveURL(/call=/);
    const dialog = page.getByRole("dialog");
    await expect(dialog).toBeVisible();
    await expect(dialog.getByText("All fields")).toBeVisible();
    await expect(dialog.getByTestId("ivr-path").locator("li").first()).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(dialog).toHaveCount(0);
    await expect(page).not.toHaveURL(/call=/);
    await expect(row).toBeFocused();
  });

  test("the drawer is the page's one dialog, found by role and named by its title", async ({
    page,
  }) => {
    await page.goto(callsUrl({ type: "8", status: "ANSWER" }));
    await waitForRows(page);
    await page.locator("tbody [role=row]").first().click();
    const title = (await page.locator("dialog h2").textContent()) ?? "";
    expect(title).toContain("·");
    // What a script or an assistive technology asks for: the element with the dialog role.
    const dialogs = page.locator("[role=dialog]");
    await expect(dialogs).toHaveCount(1);
    await expect(dialogs).toHaveAccessibleName(title);
    await expect(dialogs).toHaveAttribute("aria-modal", "true");
    expect(await page.evaluate(() => document.querySelector("[role=dialog]")?.tagName)).toBe(
      "DIALOG",
    );
    await expect(page.getByRole("dialog", { name: title })).toBeVisible();
  });

  test("a recording plays, seeks, changes speed, and moves to the next one", async ({ page }) => {
    await page.goto(callsUrl({ type: "8", status: "ANSWER", minDur: "60" }));
    await waitForRows(page);
    await page.locator("tbody [role=row]").first().click();
    const player = page.getByTestId("recording-player");
    await expect(player).toBeVisible();
    const audio = page.getByTestId("recording-audio");
    await page.getByTestId("player-play").click();
    await expect
      .poll(() => audio.evaluate((a: HTMLAudioElement) => a.currentTime), { timeout: 20_000 })
      .toBeGreaterThan(0.5);

    await page.getByTestId("player-forward").click();
    await expect
      .poll(() => audio.evaluate((a: HTMLAudioElement) => a.currentTime))
      .toBeGreaterThan(10);

    // The seek bar, by keyboard: End jumps to the end, Home back to the start.
    const seek = page.getByTestId("player-seek");
    await seek.focus();
    await page.keyboard.press("Home");
    await expect.poll(() => audio.evaluate((a: HTMLAudioElement) => a.currentTime)).toBeLessThan(5);
    await page.getByTestId("player-forward").click();
    await page.getByTestId("player-forward").click();
    await expect
      .poll(() => audio.evaluate((a: HTMLAudioElement) => a.currentTime))
      .toBeGreaterThan(19);

    await page.getByTestId("player-speed").selectOption("2");
    expect(await audio.evaluate((a: HTMLAudioElement) => a.playbackRate)).toBe(2);

    const before = await player.getAttribute("data-call-id");
    await page.getByTestId("player-next").click();
    await expect(page.getByTestId("recording-player")).not.toHaveAttribute(
      "data-call-id",
      before ?? "",
    );
    await expect(page).toHaveURL(new RegExp(`call=(?!${before})`));
  });

  test("the recording route serves byte ranges", async ({ page, request }) => {
    await page.goto(callsUrl({ type: "8", status: "ANSWER" }));
    await waitForRows(page);
    await page.locator("tbody [role=row]").first().click();
    const callId = await page.getByTestId("recording-player").getAttribute("data-call-id");
    const partial = await request.get(`/api/recordings/${callId}`, {
      headers: { range: "bytes=0-99" },
    });
    expect(partial.status()).toBe(206);
    expect((await partial.body()).length).toBe(100);
    expect(partial.headers()["content-range"]).toMatch(/^bytes 0-99\/\d+$/);
    const missing = await request.get("/api/recordings/nope");
    expect(missing.status()).toBe(404);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBeTruthy();
  });
});
