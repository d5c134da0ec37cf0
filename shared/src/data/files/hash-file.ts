import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";

/** SHA-256 and size of a file, streamed in 1 MiB chunks so a model of any size hashes in constant memory. */
export async function hashFile(file: string): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash("sha256");
  let bytes = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    bytes += chunk.length;
  }
  return { sha256: hash.digest("hex"), bytes };
}
