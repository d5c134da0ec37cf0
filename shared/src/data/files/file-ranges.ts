import { open } from "node:fs/promises";

/** A file open for reads of byte ranges at any position. */
export interface FileRanges {
  /**
   * `length` bytes from `start`, into a fresh buffer or the front of `into` (at least `length` long); fewer when
   * the file ends first.
   */
  read(start: number, length: number, into?: Uint8Array): Promise<Uint8Array>;
  close(): Promise<void>;
}

/** Opens `absolute` for reads of byte ranges (one file handle, each read straight into its own buffer). */
export async function openFileRanges(absolute: string): Promise<FileRanges> {
  const handle = await open(absolute, "r");
  return {
    async read(start, length, into) {
      const bytes = into === undefined ? new Uint8Array(length) : into.subarray(0, length);
      let at = 0;
      while (at < length) {
        const { bytesRead } = await handle.read(bytes, at, length - at, start + at);
        if (bytesRead === 0) return bytes.subarray(0, at);
        at += bytesRead;
      }
      return bytes;
    },
    close: () => handle.close(),
  };
}
