import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import zh from "../../messages/zh-CN.json";
import { CLIENT_NAMESPACES, clientMessages } from "./client-namespaces";

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

const sources = files(path.resolve(__dirname, "..")).map((file) => ({ file, text: readFileSync(file, "utf8") }));

describe("the messages sent to the browser", () => {
  it("hold every namespace a client module reads, and no other", () => {
    const read = new Set<string>();
    for (const { file, text } of sources) {
      const calls = [...text.matchAll(/useTranslations\(([^)]*)\)/g)].map((m) => m[1].trim());
      if (!calls.length) continue;
      // Hooks run in client modules only here: a server module reads its messages with getTranslations.
      expect(/^\s*["']use client["']/.test(text), `${file} calls useTranslations but is not a client module`).toBe(true);
      for (const arg of calls) {
        const literal = /^["']([\w.]+)["']$/.exec(arg)?.[1];
        expect(literal, `${file}: useTranslations(${arg}) must name its namespace`).toBeTruthy();
        read.add(literal!.split(".")[0]);
      }
    }
    expect([...read].sort()).toEqual([...CLIENT_NAMESPACES].sort());
  });

  it("are a part of the catalogue: the namespaces listed, whole", () => {
    const picked = clientMessages(zh);
    expect(Object.keys(picked).sort()).toEqual([...CLIENT_NAMESPACES].sort());
    expect(picked.reports).toEqual(zh.reports);
    expect(JSON.stringify(picked).length).toBeLessThan(JSON.stringify(zh).length * 0.8);
  });
});
