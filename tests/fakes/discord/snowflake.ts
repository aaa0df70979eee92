const DISCORD_EPOCH = 1_420_070_400_000n;
let increment = 0n;

/** A fresh, increasing Discord-style id (timestamp << 22 | counter), as real ids look. */
export function snowflake(): string {
  increment = (increment + 1n) % 4096n;
  return ((BigInt(Date.now()) - DISCORD_EPOCH) << 22n | increment).toString();
}
