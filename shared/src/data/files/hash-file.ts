import { createHash } from "./create-hash.js";
import { closeSync, openSync, readSync } from "node:fs";
import { open } from "node:fs/promises";

/** Bytes read at a time. */
const CHUNK = 1 << 20;

/**
 * SHA-256 and size of a file, read in 1 MiB chunks into one buffer reused for every chunk, so a file of any size
 * hashes in constant memory and leaves no garbage behind (a read stream allocates a fresh buffer per chunk, which
 * waits for a garbage collection to be freed: tens of MiB beside a table being read).
 */
export async function hashFile(file: string): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash("sha256");
  const handle = await open(file, "r");
  try {
    const buffer = Buffer.allocUnsafeSlow(CHUNK);
    let bytes = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, CHUNK, null);
      if (bytesRead === 0) break;
      hash.update(bytesRead === CHUNK ? buffer : buffer.subarray(0, bytesRead));
      bytes += bytesRead;
    }
    return { sha256: hash.digest("hex"), bytes };
  } finally {
    await handle.close();
  }
}

/**
 * `hashFile` on this thread: 1 MiB reads into one reused buffer, no thread-pool round trip and no buffer per chunk,
 * for a caller that has nothing else to do meanwhile (the main thread waiting for a worker).
 */
export function hashFileHere(file: string): { sha256: string; bytes: number } {
  const hash = createHash("sha256");
  const buffer = Buffer.allocUnsafeSlow(CHUNK);
  const fd = openSync(file, "r");
  let bytes = 0;
  try {
    for (let read = readSync(fd, buffer); read > 0; read = readSync(fd, buffer)) {
      hash.update(buffer.subarray(0, read));
      bytes += read;
    }
  } finally {
    closeSync(fd);
  }
  return { sha256: hash.digest("hex"), bytes };
}
