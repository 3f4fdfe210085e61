/** Refuses destructive test setup anywhere but on this machine. */
export function assertLocalDatabase(url: string): URL {
  const parsed = new URL(url);
  const host = parsed.hostname.replace(/^\[|\]$/g, "");
  if (!["127.0.0.1", "localhost", "::1"].includes(host)) {
    throw new Error(`Refusing to create and drop test databases on ${host}: tests run only against a PostgreSQL on this machine (127.0.0.1).`);
  }
  return parsed;
}

/** The same server with another database name. */
export function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}
