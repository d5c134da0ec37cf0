import { createHash } from "../files/create-hash.js";
import { closeSync, createReadStream, fstatSync, openSync, readSync } from "node:fs";
import { pipeline } from "node:stream/promises";
import { DataError, ModelgateError } from "../../core/modelgate-error.js";
import type { TableGuard } from "../files/read-limits.js";
import type { TableSource } from "../files/table-source.js";

/** The identity of the bytes streamed: what lineage records. */
export interface StreamedBytes {
  sha256: string;
  bytes: number;
}

/**
 * 64 KiB reads and inflates. csv-parse turns a whole chunk into records at once, so the chunk size sets the
 * burst of short-lived objects: 1 MiB chunks grew RSS by 89 MiB on a 40 MiB CSV and were slower; 64 KiB, 21 MiB.
 * (Streamed 1 MiB chunks, each a fresh buffer filled on the thread pool, also doubled the wall time of a profile
 * build at the same CPU time on a busy two-core machine: the reading thread waited on the pool.)
 */
const CHUNK = 1 << 16;
/**
 * A .gz file up to 1 MiB that inflates to at most 8 MiB (and within the bytes limit) is read and inflated at once, on
 * this thread: a log of a few thousand requests then costs no stream pipeline, which takes longer to set up and run
 * the first time than the inflating itself. Anything larger, and any file this cannot read or inflate, is streamed,
 * which reports its errors as always.
 */
const SMALL_GZIP_BYTES = 1 << 20;
const SMALL_INFLATED_BYTES = 1 << 23;
/** node:zlib, loaded when a .gz file is read: a plain file's run never needs it. */
const zlib = () => process.getBuiltinModule("node:zlib");

/**
 * Streams a file into `consume`, gunzipped when `gzip` is set (multi-member gzip as `cat a.gz b.gz` makes
 * is read whole), hashing the bytes as they come off disk, so the digest is of the file, not of its content.
 * Memory stays at a few chunks whatever the file size. With a `guard`, the inflated bytes are counted and the
 * stream stops at the bytes limit: a gzip bomb ends in a refusal, not in an hour of inflating.
 * @throws DataError for a corrupt or truncated gzip stream or an unreadable file, LimitError past the bytes
 * limit; rethrows `consume`'s errors.
 */
export async function streamTableBytes(
  source: TableSource,
  gzip: boolean,
  consume: (chunks: AsyncIterable<Buffer>) => Promise<void>,
  guard?: TableGuard,
  /**
   * For a file that is not gzipped: reads of this many bytes, on this thread, into one buffer reused for every
   * chunk (no thread-pool round trip and no fresh buffer per chunk), for a consumer that is done with each chunk
   * before it asks for the next. Otherwise, and for gzip, 64 KiB chunks, each its own buffer (a small .gz file's
   * inflated bytes: chunks of this many bytes, at least 64 KiB, of one buffer).
   */
  reusedChunkBytes?: number,
  /** With `reusedChunkBytes`: only these byte ranges, one after the other, digesting nothing (`sha256` empty). */
  ranges?: ReadonlyArray<readonly [number, number]>,
): Promise<StreamedBytes> {
  if (reusedChunkBytes !== undefined && !gzip) return readReusedChunks(source, consume, reusedChunkBytes, ranges);
  if (gzip && ranges === undefined) {
    const small = inflateSmallGzip(
      source.absolute,
      Math.min(SMALL_INFLATED_BYTES, guard?.limits.values.bytes ?? Infinity),
    );
    if (small !== undefined)
      return consumeInflated(source, small, consume, Math.max(CHUNK, reusedChunkBytes ?? 0), guard);
  }
  const hash = createHash("sha256");
  let bytes = 0;
  const tap = async function* (chunks: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
    for await (const chunk of chunks) {
      hash.update(chunk);
      bytes += chunk.length;
      yield chunk;
    }
  };
  let inflated = 0;
  const count = async function* (chunks: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
    for await (const chunk of chunks) {
      inflated += chunk.length;
      guard!.bytes(inflated, "inflated");
      yield chunk;
    }
  };
  const file = createReadStream(source.absolute, { highWaterMark: CHUNK });
  try {
    if (gzip && guard) await pipeline(file, tap, zlib().createGunzip({ chunkSize: CHUNK }), count, consume);
    else if (gzip) await pipeline(file, tap, zlib().createGunzip({ chunkSize: CHUNK }), consume);
    else await pipeline(file, tap, consume);
  } catch (error) {
    throw toStreamError(error, source);
  }
  return { sha256: hash.digest("hex"), bytes };
}

/** A small .gz file's bytes and what they inflate to, or undefined when it is to be streamed (see SMALL_GZIP_BYTES). */
function inflateSmallGzip(absolute: string, maxInflated: number): { file: Buffer; inflated: Buffer } | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(absolute, "r");
    const size = fstatSync(fd).size;
    if (size > SMALL_GZIP_BYTES) return undefined;
    // One byte more than the size, to see a file that grew since: it is streamed then.
    const file = Buffer.allocUnsafe(size + 1);
    let length = 0;
    for (let read = 1; read > 0 && length < file.length; length += read)
      read = readSync(fd, file, length, file.length - length, null);
    if (length > size) return undefined;
    const bytes = file.subarray(0, length);
    return { file: bytes, inflated: zlib().gunzipSync(bytes, { chunkSize: CHUNK, maxOutputLength: maxInflated }) };
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** `consume` over a small .gz file's inflated bytes, in chunks, digesting the file as the stream would. */
async function consumeInflated(
  source: TableSource,
  { file, inflated }: { file: Buffer; inflated: Buffer },
  consume: (chunks: AsyncIterable<Buffer>) => Promise<void>,
  chunkBytes: number,
  guard: TableGuard | undefined,
): Promise<StreamedBytes> {
  const chunks = async function* (): AsyncGenerator<Buffer> {
    for (let at = 0; at < inflated.length; at += chunkBytes) {
      const chunk = inflated.subarray(at, at + chunkBytes);
      guard?.bytes(at + chunk.length, "inflated");
      yield chunk;
    }
  };
  try {
    await consume(chunks());
  } catch (error) {
    throw toStreamError(error, source);
  }
  return { sha256: createHash("sha256").update(file).digest("hex"), bytes: file.length };
}

async function readReusedChunks(
  source: TableSource,
  consume: (chunks: AsyncIterable<Buffer>) => Promise<void>,
  chunkBytes: number,
  ranges: ReadonlyArray<readonly [number, number]> | undefined,
): Promise<StreamedBytes> {
  const hash = ranges === undefined ? createHash("sha256") : undefined;
  let bytes = 0;
  let fd: number | undefined;
  const chunks = async function* (): AsyncGenerator<Buffer> {
    const buffer = Buffer.allocUnsafe(chunkBytes);
    fd = openSync(source.absolute, "r");
    for (const [start, end] of ranges ?? [[0, Infinity] as const]) {
      for (let at = start; at < end;) {
        const read = readSync(fd, buffer, 0, Math.min(chunkBytes, end - at), ranges === undefined ? null : at);
        if (read === 0) break;
        at += read;
        const chunk = buffer.subarray(0, read);
        hash?.update(chunk);
        bytes += read;
        yield chunk;
      }
    }
  };
  try {
    await consume(chunks());
  } catch (error) {
    throw toStreamError(error, source);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  return { sha256: hash?.digest("hex") ?? "", bytes };
}

/** A read or gunzip error as the reader reports it: naming the file and the fix. */
export function toStreamError(error: unknown, source: TableSource): unknown {
  if (error instanceof ModelgateError) return error;
  const { code = "", syscall } = (error ?? {}) as NodeJS.ErrnoException;
  const where = { input: source.input, file: source.file };
  if (code.startsWith("Z_")) {
    const why =
      code === "Z_BUF_ERROR"
        ? "ends in the middle of the compressed data (truncated?)"
        : `is not valid gzip data (${(error as Error).message})`;
    return new DataError(
      `Input "${source.input}": ${source.file} ${why}.`,
      `Recompress it with gzip, or drop the .gz suffix if the file is not compressed; check that the upload or download finished.`,
      where,
      { cause: error },
    );
  }
  if (syscall !== undefined) {
    return new DataError(
      `Input "${source.input}": ${source.file} cannot be read (${code}).`,
      `Check that the file is readable by the runner user.`,
      where,
      {
        cause: error,
      },
    );
  }
  return error;
}
