import { describe, expect, it } from "vitest";

import { parseCdrRequest } from "../lib/voicenter/request";
import { accountCode, collectParams, readCdrInput } from "./cdr-input";

describe("reading /hub/cdr requests", () => {
  it("collects GET parameters the way clients write them", () => {
    const params = new URLSearchParams(
      "code=c&search=%7B%22fromdate%22%3A%222024-06-10T08%3A00%22%7D&todate=2024-06-10T09:00" +
        "&phones[]=0501234567&phones[]=972521234567&cdrTypes=1,8&queueID=2101" +
        "&fields=Date&Fields=DID&sort=%5B%7B%22field%22%3A%22Date%22%2C%22order%22%3A%22desc%22%7D%5D",
    );
    const parsed = parseCdrRequest(collectParams(params));
    expect(parsed).toMatchObject({
      ok: true,
      code: "c",
      query: {
        from: Date.UTC(2024, 5, 10, 8),
        to: Date.UTC(2024, 5, 10, 9),
        phones: ["0501234567", "972521234567"],
        cdrTypes: [1, 8],
        queueIds: [2101],
        fields: ["Date", "DID"],
        sort: [{ field: "Date", order: "desc" }],
      },
    });
  });

  it("merges query-string and body, reads forms, and takes the code from a bearer token", async () => {
    const post = new Request("http://s/hub/cdr?code=fromQuery", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "fromdate=2024-06-10&todate=2024-06-11",
    });
    const read = await readCdrInput(post);
    expect(read).toEqual({
      ok: true,
      input: { code: "fromQuery", fromdate: "2024-06-10", todate: "2024-06-11" },
    });
    const bearer = new Request("http://s/hub/cdr", { headers: { authorization: "bearer abc" } });
    expect(accountCode({}, bearer)).toBe("abc");
    expect(accountCode({ Code: "xyz" }, bearer)).toBe("xyz");
    expect(
      await readCdrInput(new Request("http://s/hub/cdr", { method: "POST", body: "[1]" })),
    ).toMatchObject({ ok: false });
  });
});
