import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "./database-errors";

describe("isDatabaseUnavailable", () => {
  const cases: Array<[string, unknown, boolean]> = [
    ["a refused connection", Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }), true],
    ["a dropped connection", new Error("Connection terminated unexpectedly"), true],
    ["the server shutting down (57P01)", Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" }), true],
    ["wrapped in a cause", new Error("query failed", { cause: Object.assign(new Error("x"), { code: "ECONNRESET" }) }), true],
    ["a database closed to connections (maintenance)", Object.assign(new Error('database "duban" is not currently accepting connections'), { code: "55000" }), true],
    ["a unique violation", Object.assign(new Error("duplicate key"), { code: "23505" }), false],
    ["a plain bug", new TypeError("cannot read properties of undefined"), false],
    ["not an error", "boom", false],
  ];
  it.each(cases)("%s", (_n, error, expected) => {
    expect(isDatabaseUnavailable(error)).toBe(expected);
  });
});
