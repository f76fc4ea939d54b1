import { describe, expect, it } from "vitest";

import { ApiError } from "./api-error";
import { pathId } from "./path-id";

describe("pathId", () => {
  it("passes the ids Callboard and Better Auth make", () => {
    expect(pathId("tokenId", "3f1c2a9e-8b7d-4c6e-9a1b-2c3d4e5f6a7b")).toBe(
      "3f1c2a9e-8b7d-4c6e-9a1b-2c3d4e5f6a7b",
    );
    expect(pathId("userId", "Xq81bZ0kLm")).toBe("Xq81bZ0kLm");
  });

  it.each(["a\u0000b", "", "x".repeat(129), "a/b", "a b", "é"])(
    "refuses %j as a bad parameter naming the segment",
    (value) => {
      let thrown: unknown;
      try {
        pathId("tokenId", value);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(ApiError);
      expect((thrown as ApiError).code).toBe("bad_parameter");
      expect((thrown as ApiError).message).toMatch(/^tokenId: /);
    },
  );
});
