import { crc32, inflateRawSync } from "node:zlib";
import { DataError } from "../core/modelgate-error.js";

/** What an untrusted zip may hold before we refuse it whole. */
export interface ZipLimits {
  maxEntries: number;
  /** Uncompressed bytes of one entry. */
  maxEntryBytes: number;
  /** Uncompressed bytes of all entries together. */
  maxTotalBytes: number;
}

export interface ZipEntry {
  name: string;
  data: Buffer;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** Plain names only: segments of letters, digits, `.`, `_`, `-`; never `.` or `..`, never absolute or with `\`. */
const SAFE_NAME = /^(?!.*(?:^|\/)\.{1,2}(?:\/|$))[A-Za-z0-9._-]+(?:\/[A-Za-z0-9._-]+)*\/?$/;
const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;

/**
 * Reads every entry of a zip held in memory (nothing is written to disk), refusing the whole archive when
 * anything is off: unsafe names (zip slip: `..`, absolute paths, backslashes), symlinks, duplicates,
 * encryption, zip64, methods other than stored/deflate, more entries or bytes than `limits` (checked from the
 * declared sizes before inflating, and again while inflating), or data whose size or CRC-32 disagrees.
 * Directory entries are skipped.
 * @throws DataError naming `label` and the entry.
 */
export function readZipEntries(zip: Buffer, limits: ZipLimits, label: string): ZipEntry[] {
  const refuse = (reason: string, entry?: string) =>
    new DataError(
      `Artifact ${label} is refused: ${reason}${entry === undefined ? "" : ` (entry ${JSON.stringify(entry.slice(0, 200))})`}.`,
      "Upload only the result files the modelgate actions wrote, with actions/upload-artifact; nothing of this artifact was published.",
      { file: label },
    );
  const end = findEndOfCentralDirectory(zip);
  if (end === undefined) throw refuse("it is not a zip archive (no end of central directory)");
  const count = zip.readUInt16LE(end + 10);
  const cdSize = zip.readUInt32LE(end + 12);
  const cdOffset = zip.readUInt32LE(end + 16);
  if (zip.readUInt16LE(end + 4) !== 0 || zip.readUInt16LE(end + 6) !== 0 || zip.readUInt16LE(end + 8) !== count)
    throw refuse("multi-disk archives are not supported");
  if (count === 0xffff || cdOffset === 0xffffffff) throw refuse("zip64 archives are not supported");
  if (count > limits.maxEntries) throw refuse(`${count} entries, more than the limit of ${limits.maxEntries}`);
  if (cdOffset + cdSize > end) throw refuse("the central directory lies outside the archive");
  const entries: ZipEntry[] = [];
  const seen = new Set<string>();
  let total = 0;
  let at = cdOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || zip.readUInt32LE(at) !== CENTRAL) throw refuse("a central directory record is damaged");
    const madeBy = zip.readUInt16LE(at + 4);
    const flags = zip.readUInt16LE(at + 8);
    const method = zip.readUInt16LE(at + 10);
    const crc = zip.readUInt32LE(at + 16);
    const compressed = zip.readUInt32LE(at + 20);
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const mode = zip.readUInt32LE(at + 38) >>> 16;
    const localOffset = zip.readUInt32LE(at + 42);
    const name = zip.toString("latin1", at + 46, at + 46 + nameLength);
    at += 46 + nameLength + extraLength + commentLength;
    if (nameLength === 0 || nameLength > 255 || !SAFE_NAME.test(name))
      throw refuse("an entry's name is unsafe or not a plain relative path", name);
    if (seen.has(name)) throw refuse("two entries share a name", name);
    seen.add(name);
    if (madeBy >> 8 === 3 && (mode & S_IFMT) === S_IFLNK) throw refuse("an entry is a symbolic link", name);
    if (flags & 0x1) throw refuse("an entry is encrypted", name);
    if (name.endsWith("/")) continue;
    if (method !== 0 && method !== 8)
      throw refuse(`an entry uses compression method ${method} (only stored and deflate are read)`, name);
    if (size === 0xffffffff || compressed === 0xffffffff) throw refuse("zip64 entries are not supported", name);
    if (size > limits.maxEntryBytes)
      throw refuse(`an entry is ${size} bytes, more than the limit of ${limits.maxEntryBytes}`, name);
    total += size;
    if (total > limits.maxTotalBytes)
      throw refuse(`the entries add up to more than the limit of ${limits.maxTotalBytes} bytes`, name);
    const data = readEntryData(zip, { localOffset, name, method, compressed, size, limit: cdOffset }, refuse);
    if (data.length !== size || crc32(data) !== crc)
      throw refuse("an entry's data does not match its declared size or CRC-32", name);
    entries.push({ name, data });
  }
  return entries;
}

function readEntryData(
  zip: Buffer,
  entry: { localOffset: number; name: string; method: number; compressed: number; size: number; limit: number },
  refuse: (reason: string, entry?: string) => DataError,
): Buffer {
  const at = entry.localOffset;
  if (at + 30 > entry.limit || zip.readUInt32LE(at) !== LOCAL)
    throw refuse("a local header is missing or damaged", entry.name);
  const nameLength = zip.readUInt16LE(at + 26);
  const extraLength = zip.readUInt16LE(at + 28);
  // The local name must agree with the central directory's, or two readers could extract different files.
  if (zip.toString("latin1", at + 30, at + 30 + nameLength) !== entry.name)
    throw refuse("the local header names another file than the central directory", entry.name);
  const start = at + 30 + nameLength + extraLength;
  if (start + entry.compressed > entry.limit) throw refuse("an entry's data runs past the archive", entry.name);
  const raw = zip.subarray(start, start + entry.compressed);
  if (entry.method === 0) return Buffer.from(raw);
  try {
    // One byte over the declared size is enough to prove the declaration false without inflating a bomb.
    return inflateRawSync(raw, { maxOutputLength: entry.size + 1 });
  } catch {
    throw refuse("an entry's data does not inflate to its declared size", entry.name);
  }
}

function findEndOfCentralDirectory(zip: Buffer): number | undefined {
  const earliest = Math.max(0, zip.length - 22 - 0xffff);
  for (let at = zip.length - 22; at >= earliest; at--) if (zip.readUInt32LE(at) === EOCD) return at;
  return undefined;
}
