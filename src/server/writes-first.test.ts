import { EventEmitter } from "node:events";
import type { IncomingMessage, ServerResponse } from "node:http";
import { describe, expect, it } from "vitest";
import { isWrite } from "./front-door";
import { createWritesFirst } from "./writes-first";

const request = (method: string, headers: Record<string, string> = {}) => ({ method, headers }) as unknown as IncomingMessage;
const answer = () => new EventEmitter() as unknown as ServerResponse & EventEmitter;

/** Whether `promise` settles within `ms`. */
async function settlesWithin(promise: Promise<void>, ms: number): Promise<boolean> {
  return Promise.race([promise.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), ms))]);
}

describe("writes before replays", () => {
  it("counts as writes every method but GET, HEAD and OPTIONS, and server actions", () => {
    expect(isWrite(request("POST"))).toBe(true);
    expect(isWrite(request("PUT"))).toBe(true);
    expect(isWrite(request("DELETE"))).toBe(true);
    expect(isWrite(request("GET", { "next-action": "abc" }))).toBe(true);
    expect(isWrite(request("GET"))).toBe(false);
    expect(isWrite(request("HEAD"))).toBe(false);
    expect(isWrite(request("OPTIONS"))).toBe(false);
  });

  it("lets a reader through at once when nothing is written, and does not count reads", async () => {
    const gate = createWritesFirst({ maxHoldMs: 5_000 });
    gate.track(request("GET"), answer());
    expect(gate.inFlight()).toBe(0);
    expect(await settlesWithin(gate.clear(), 20)).toBe(true);
  });

  it("holds readers until every write under way has been answered", async () => {
    const gate = createWritesFirst({ maxHoldMs: 5_000 });
    const save = answer();
    const review = answer();
    gate.track(request("POST"), save);
    gate.track(request("POST", { "next-action": "x" }), review);
    expect(gate.inFlight()).toBe(2);
    const reader = gate.clear();
    expect(await settlesWithin(reader, 50)).toBe(false);
    save.emit("finish");
    save.emit("close"); // one write is counted once, whichever of its events come
    expect(gate.inFlight()).toBe(1);
    expect(await settlesWithin(reader, 50)).toBe(false);
    review.emit("close"); // the client went away
    expect(gate.inFlight()).toBe(0);
    expect(await settlesWithin(reader, 50)).toBe(true);
  });

  it("holds a reader no longer than its limit, however long the writes take", async () => {
    const gate = createWritesFirst({ maxHoldMs: 80 });
    gate.track(request("POST"), answer());
    const started = performance.now();
    await gate.clear();
    const waited = performance.now() - started;
    expect(waited).toBeGreaterThanOrEqual(70);
    expect(waited).toBeLessThan(1_000);
    expect(gate.inFlight()).toBe(1);
  });

  it("lets one write go first for a limited time only: a long upload does not hold readers for its whole length", async () => {
    const gate = createWritesFirst({ maxHoldMs: 5_000, maxWriteMs: 100 });
    const upload = answer();
    gate.track(request("POST"), upload);
    const reader = gate.clear();
    expect(await settlesWithin(reader, 30)).toBe(false);
    expect(await settlesWithin(reader, 500)).toBe(true);
    expect(gate.inFlight()).toBe(0);
    upload.emit("finish"); // its answer, later, is not counted twice
    expect(gate.inFlight()).toBe(0);
  });

  it("remembers when each session's last write was answered, by its session cookie, and not a read's", () => {
    const gate = createWritesFirst();
    const mine = { cookie: "next-auth.session-token=mine" };
    const theirs = { cookie: "next-auth.session-token=theirs" };
    expect(gate.lastWriteOf(request("GET", mine))).toBe(0);
    const save = answer();
    gate.track(request("POST", mine), save);
    expect(gate.lastWriteOf(request("GET", mine))).toBe(0); // not answered yet
    const before = Date.now();
    save.emit("finish");
    expect(gate.lastWriteOf(request("GET", mine))).toBeGreaterThanOrEqual(before);
    expect(gate.lastWriteOf(request("GET", theirs))).toBe(0);
    expect(gate.lastWriteOf(request("GET"))).toBe(0);
    gate.track(request("GET", theirs), answer());
    const read = answer();
    gate.track(request("GET", theirs), read);
    read.emit("finish");
    expect(gate.lastWriteOf(request("GET", theirs))).toBe(0);
  });
});
