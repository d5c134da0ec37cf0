import type { Compressors } from "hyparquet";

/** The codecs Parquet reads use, or why only hyparquet's own (uncompressed and snappy) are available. */
export interface ParquetCodecs {
  compressors: Compressors | undefined;
  unavailable?: string;
}

let loading: Promise<ParquetCodecs> | undefined;

/**
 * hyparquet-compressors' codecs (gzip, brotli, zstd, lz4 and a WebAssembly snappy), loaded on the first Parquet read
 * only: the module instantiates its WebAssembly as it loads, which reserves gigabytes of address space, so every
 * command would pay for it and crash under a `ulimit -v` limit though most never read Parquet. Where WebAssembly
 * cannot be instantiated, hyparquet's JavaScript snappy still reads the most common codec, and a column in another
 * codec is refused with this reason.
 */
export function loadParquetCompressors(): Promise<ParquetCodecs> {
  loading ??= import("hyparquet-compressors").then(
    (module) => ({ compressors: module.compressors }),
    (error: unknown) => {
      if (!(error instanceof RangeError)) throw error;
      return {
        compressors: undefined,
        unavailable: `the gzip, brotli, zstd and lz4 decompressors could not be loaded (${error.message}); is the process's virtual memory limited (ulimit -v)?`,
      };
    },
  );
  return loading;
}
