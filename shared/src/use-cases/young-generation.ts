import { statSync } from "node:fs";
import path from "node:path";

/**
 * Keeps this thread's young generation (V8's new space) at the size it starts with, 1 MiB semi-spaces, instead of
 * letting it double up to 16 MiB as it does under allocation. validate-data's read makes short-lived garbage only
 * (the file's read buffers, freed at each scavenge), so a small new space costs no time there and keeps tens of MiB
 * of spent buffers out of the peak. It takes effect only before the new space grows, that is before a bundle's
 * modules are loaded: the entries that run validate-data call it from the module they import first.
 */
export function keepYoungGenerationSmall(): void {
  // Loaded here, not imported: a run on small files never needs them (node:worker_threads alone costs a start-up
  // 0.5 ms on Node 20 and 3.6 ms on Node 24).
  if (process.getBuiltinModule("node:worker_threads").isMainThread)
    process.getBuiltinModule("node:v8").setFlagsFromString("--semi-space-growth-factor=1");
}

/**
 * Input bytes from which the young generation is kept small. Under it the read's garbage is a few MiB, which the
 * default young generation holds without weighing on the peak, while the small one costs every start its extra
 * scavenges (validate-data's cold run on the example's 58 KiB batch, side by side: 20 ms less CPU on Node 20 and
 * 27 ms less on Node 24 without it).
 */
export const SMALL_YOUNG_GENERATION_FROM_BYTES = 16 * 2 ** 20;

/** How many bytes a compressed file may expand to when read, at most as far as this decision cares. */
const EXPANSION = { ".gz": 10, ".parquet": 5 } as Readonly<Record<string, number>>;

/** `keepYoungGenerationSmall` when the files a validate-data run reads may be large (`mayReadLargeFiles`). */
export function keepYoungGenerationSmallForFiles(files: ReadonlyArray<string | undefined>, base: string): void {
  if (mayReadLargeFiles(files, base)) keepYoungGenerationSmall();
}

/**
 * Whether the named files (paths relative to `base`; unset and empty ones skipped) may be large: their size on disk,
 * times what a compressed file expands to, reaches {@link SMALL_YOUNG_GENERATION_FROM_BYTES}. A path that cannot be
 * read as a file here counts as large, so an unexpected input keeps the bounded memory; the run itself reports what
 * is wrong with it.
 */
export function mayReadLargeFiles(files: ReadonlyArray<string | undefined>, base: string): boolean {
  let bytes = 0;
  for (const file of files) {
    const named = file?.trim();
    if (!named) continue;
    try {
      const expansion = EXPANSION[path.extname(named).toLowerCase()] ?? 1;
      const stat = statSync(path.resolve(base, named));
      if (!stat.isFile()) return true;
      bytes += stat.size * expansion;
    } catch {
      return true;
    }
  }
  return bytes >= SMALL_YOUNG_GENERATION_FROM_BYTES;
}
