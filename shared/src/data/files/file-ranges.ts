import { closeSync, openSync, readSync } from "node:fs";

/**
 * A file open for reads of byte ranges at any position, on the calling thread: a reader that decodes each range
 * before it asks for the next gains nothing from the thread pool, and on a busy machine waits for it.
 */
export interface FileRanges {
  /** Fills `into` from the file's byte `start`; the count read, fewer than `into.length` only at the file's end. */
  read(start: number, into: Uint8Array): number;
  close(): void;
}

/** Opens `absolute` for reads of byte ranges. @throws the file system's error (ENOENT, EACCES, …) */
export function openFileRanges(absolute: string): FileRanges {
  const fd = openSync(absolute, "r");
  return {
    read(start, into) {
      let at = 0;
      while (at < into.length) {
        const read = readSync(fd, into, at, into.length - at, start + at);
        if (read === 0) break;
        at += read;
      }
      return at;
    },
    close: () => closeSync(fd),
  };
}
