import { createHash } from "./create-hash.js";
import type { FileRanges } from "./file-ranges.js";

/** Bytes read at a time for the hash alone. */
const CHUNK = 1 << 20;

/**
 * The SHA-256 of a file hashed front to back as a reader goes through it: bytes the reader has read anyway (a
 * Parquet column chunk, in file order) are hashed from its buffer, and only the bytes between them (the footer,
 * columns not read) are read again, into one reused buffer. Each byte is read once, on the reading thread,
 * instead of a second stream through the file on the thread pool.
 */
export class SequentialDigest {
  private readonly hash = createHash("sha256");
  private hashed = 0;
  private scratch: Uint8Array | undefined;

  constructor(private readonly file: FileRanges) {}

  /** The file's bytes from `start`, as far as they reach past what is hashed; the gap before them is read first. */
  cover(start: number, bytes: Uint8Array): void {
    const end = start + bytes.length;
    if (end <= this.hashed) return;
    if (start > this.hashed && this.readTo(start) < start) return;
    this.hash.update(bytes.subarray(this.hashed - start));
    this.hashed = end;
  }

  /** Hashes the rest of the file, to its end: the digest and the file's size. */
  finish(): { sha256: string; bytes: number } {
    this.readTo(Number.POSITIVE_INFINITY);
    return { sha256: this.hash.digest("hex"), bytes: this.hashed };
  }

  /** Reads and hashes up to `end` or the end of the file, whichever comes first; where it got. */
  private readTo(end: number): number {
    const buffer = (this.scratch ??= new Uint8Array(CHUNK));
    while (this.hashed < end) {
      const read = this.file.read(this.hashed, buffer.subarray(0, Math.min(CHUNK, end - this.hashed)));
      if (read === 0) break;
      this.hash.update(read === CHUNK ? buffer : buffer.subarray(0, read));
      this.hashed += read;
    }
    return this.hashed;
  }
}
