import { randomBytes } from "node:crypto";
import { rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";

/** How far back the fallback start goes: FAT's 2 s mtime granularity, the coarsest in use. */
const FALLBACK_SLACK_NS = 2_000_000_000n;

/**
 * "Now" as the file system stamps it, in nanoseconds since the epoch: the modification time of a file
 * written in `folder` and removed at once. A file the command writes afterwards has an mtime at least
 * this, whatever the file system's granularity (1 s on ext3 and HFS+, 2 s on FAT, 100 ns on NTFS), the
 * kernel's coarse clock lagging the wall clock by a tick, or a network server's own clock.
 * When `folder` is not writable: the wall clock minus 2 s.
 */
export async function fileClockNow(folder: string, wallClockMs: number): Promise<bigint> {
  const probe = path.join(folder, `.modelgate-clock-${process.pid}-${randomBytes(4).toString("hex")}`);
  try {
    await writeFile(probe, "", { flag: "wx" });
    return (await stat(probe, { bigint: true })).mtimeNs;
  } catch {
    return BigInt(Math.floor(wallClockMs)) * 1_000_000n - FALLBACK_SLACK_NS;
  } finally {
    await rm(probe, { force: true });
  }
}
