import { afterEach, beforeEach, vi } from "vitest";

// An unexpected console.error during a test is a failure, not noise.
let errors: unknown[][] = [];
beforeEach(() => {
  errors = [];
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    errors.push(args);
  });
});
afterEach(() => {
  vi.restoreAllMocks();
  if (errors.length) throw new Error(`console.error was called during the test: ${JSON.stringify(errors[0]).slice(0, 500)}`);
});
