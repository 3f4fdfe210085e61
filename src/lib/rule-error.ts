/**
 * An expected refusal from a business rule. `key` names a message under
 * `namespace` in messages/*.json, so the user reads it in their language;
 * `detail` fills its placeholders. Whatever raised it changed nothing.
 */
export class RuleError extends Error {
  constructor(
    public readonly namespace: "admin" | "reports" | "authz" | "account" | "notices" | "instructions" | "evaluation",
    public readonly key: string,
    public readonly detail: Record<string, string | number> = {},
  ) {
    super(`${namespace}.${key}`);
  }
}
