/**
 * Stand-ins for the request-bound modules an action or route handler reads, for integration tests
 * that call them outside a Next.js request. Use them from a `vi.mock` factory through a dynamic
 * import (factories are hoisted above the file's imports):
 *
 *   vi.mock("@/server/auth", async (original) => (await import("../support/request-mocks")).signedInAs(await original(), () => state.user));
 *   vi.mock("next-intl/server", async () => (await import("../support/request-mocks")).chineseTranslations());
 */
import { createTranslator } from "next-intl";
import zh from "../../messages/zh-CN.json";
import type { CurrentUser } from "../../src/server/auth";

type AuthModule = typeof import("../../src/server/auth");

/** The auth module with the caller fixed by the test: `user()` is read on every call; requests come from 127.0.0.1. */
export function signedInAs(original: AuthModule, user: () => CurrentUser | null): AuthModule {
  return {
    ...original,
    getCurrentUser: async () => user(),
    getActor: async () => {
      const u = user();
      return u ? { ...u, ip: "127.0.0.1" } : null;
    },
    requestAddress: async () => "127.0.0.1",
  } as AuthModule;
}

/** `getTranslations` over the Chinese messages, and the language, as the app renders them for a zh-CN visitor. */
export function chineseTranslations() {
  return {
    getTranslations: async (namespace: keyof typeof zh) => createTranslator({ locale: "zh-CN", messages: zh, namespace, timeZone: "Asia/Shanghai" }),
    getLocale: async () => "zh-CN",
  };
}
