/** "PAR1", read little-endian: the 4 bytes a Parquet file ends with. */
const PARQUET_MAGIC = 0x31524150;

/**
 * The length of a Parquet file's footer from the file's last 8 bytes (`tail`: the footer's length, then "PAR1"),
 * for a file of `fileBytes` bytes; undefined when the file does not end as Parquet does or the length passes the
 * file's start (a damaged file, which the parser then describes).
 */
export function footerLength(tail: Uint8Array, fileBytes: number): number | undefined {
  if (tail.length < 8) return undefined;
  const view = new DataView(tail.buffer, tail.byteOffset, 8);
  const footer = view.getUint32(0, true);
  return view.getUint32(4, true) === PARQUET_MAGIC && footer <= fileBytes - 8 ? footer : undefined;
}
