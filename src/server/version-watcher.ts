export interface VersionWatcher {
  stop: () => void;
}

/**
 * Calls `onChange` whenever a version number read every `intervalMs` differs from the last one
 * seen (and once at the start): never two at a time, a failing call logged and the next change
 * tried again. Polling one row is cheap, and unlike LISTEN/NOTIFY it works the same on the embedded
 * database and on a server. While the version cannot be read (the database is down), one warning
 * is logged, not one per tick.
 */
export function watchVersion(options: {
  name: string;
  read: () => Promise<bigint>;
  onChange: () => Promise<void> | void;
  intervalMs?: number;
}): VersionWatcher {
  const { name, read, onChange, intervalMs = 2_000 } = options;
  let seen: bigint | undefined;
  let busy = false;
  let failing = false;
  const tick = async () => {
    if (busy) return;
    busy = true;
    try {
      let version: bigint;
      try {
        version = await read();
        failing = false;
      } catch (error) {
        if (!failing) console.warn(`[${name}] cannot read the data version; will keep trying: ${error instanceof Error ? error.message : String(error)}`);
        failing = true;
        return;
      }
      if (version === seen) return;
      try {
        await onChange();
        seen = version;
      } catch (error) {
        console.warn(`[${name}] ${error instanceof Error ? error.message : String(error)}`);
      }
    } finally {
      busy = false;
    }
  };
  void tick();
  const timer = setInterval(() => void tick(), intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
