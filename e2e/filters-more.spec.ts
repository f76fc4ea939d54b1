import { directoryFor } from "../simulator/directory";
import { expect, test } from "./fixtures";
import { callCount, callsUrl, columnTexts, waitForRows } from "./helpers";

// these filters always ask the upstream, whose budget the demo server's sync shares
const UPSTREAM_WAIT = { timeout: 30_000 };

// The demo server runs the simulator with its default seed (42): its queues, agents and
// campaigns are known here, so the filters can be driven with real ids.
const directory = directoryFor(42);

test.describe("the other upstream filters", () => {
  test("queue ids, extensions, campaign ids, call id and scope change the URL and the rows", async ({
    page,
  }) => {
    await page.goto(callsUrl());
    await waitForRows(page);
    const all = await callCount(page);

    const queue = directory.queues[0];
    await page.getByLabel("Queue ids").fill(String(queue?.id));
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(new RegExp(`queue=${queue?.id}`));
    await expect.poll(() => callCount(page), UPSTREAM_WAIT).toBeLessThan(all);
    const queueNames = new Set((await columnTexts(page, "Queue")).filter(Boolean));
    expect(queueNames).toEqual(new Set([queue?.name]));

    await page.getByRole("button", { name: "Reset" }).click();
    await page.goto(callsUrl());
    await waitForRows(page);
    const agent = directory.agents[0];
    await page.getByLabel("Extensions").fill(agent?.extension ?? "");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/ext=/);
    await expect.poll(() => callCount(page), UPSTREAM_WAIT).toBeLessThan(all);

    await page.goto(callsUrl());
    await waitForRows(page);
    await page.getByRole("combobox", { name: "Scope" }).selectOption("department");
    await expect(page).toHaveURL(/scope=department/);
    await expect.poll(() => callCount(page), UPSTREAM_WAIT).toBeLessThan(all);

    await page.goto(callsUrl({ cols: "Date,Type,CallID" }));
    await waitForRows(page);
    const callId = (await columnTexts(page, "Call ID"))[3] ?? "";
    await page.getByRole("textbox", { name: "Call ID" }).fill(callId);
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(new RegExp(`callId=${callId}`));
    await expect.poll(() => callCount(page), UPSTREAM_WAIT).toBe(1);

    const campaign = directory.campaigns[0];
    await page.goto(callsUrl({ campaign: String(campaign?.id) }));
    await waitForRows(page);
    expect(await callCount(page)).toBeLessThan(all);
  });
});

test("a link with values the dashboard cannot read says which, and one button leaves them out", async ({
  page,
}) => {
  await page.goto(callsUrl({ status: "ANSWER,BUSSY", minDur: "ten", rows: "legs" }));
  await waitForRows(page);
  const notice = page.getByTestId("unread-link");
  await expect(notice.getByRole("paragraph")).toHaveText(
    "Not understood in this link, so left out: status=ANSWER,BUSSY, minDur=ten, rows=legs.",
  );
  // what was read applies: the answered calls only
  const answered = await callCount(page);
  await notice.getByRole("button", { name: "Remove them from the link" }).click();
  await expect(notice).toBeHidden();
  const search = new URL(page.url()).searchParams;
  expect(search.get("status")).toBe("ANSWER");
  expect(search.has("minDur")).toBe(false);
  expect(search.has("rows")).toBe(false);
  expect(search.get("from")).toBeTruthy();
  expect(await callCount(page)).toBe(answered);
});
