const UNITS: Readonly<Record<string, number>> = {
  B: 1,
  KB: 1e3,
  MB: 1e6,
  GB: 1e9,
  KiB: 2 ** 10,
  MiB: 2 ** 20,
  GiB: 2 ** 30,
};

/** A size as the policy and inputs write it: whole bytes, or a number with a unit (`512 MiB`, `2GiB`, `1.5 GB`). */
export const BYTE_SIZE_PATTERN = /^(\d+(?:\.\d+)?)\s*(B|KB|MB|GB|KiB|MiB|GiB)?$/;

/** The bytes a size text names (KiB/MiB/GiB are powers of 1024, KB/MB/GB of 1000), or undefined for any other text. */
export function parseByteSize(text: string): number | undefined {
  const match = BYTE_SIZE_PATTERN.exec(text.trim());
  if (!match) return undefined;
  const bytes = Math.floor(Number(match[1]) * UNITS[match[2] ?? "B"]!);
  return Number.isSafeInteger(bytes) && bytes > 0 ? bytes : undefined;
}

/** A byte count for messages, in the largest binary unit it reaches: `1 GiB`, `1.12 GiB`, `700 KiB`, `12 B`. */
export function formatByteSize(bytes: number): string {
  for (const unit of ["GiB", "MiB", "KiB"]) {
    if (bytes >= UNITS[unit]!) return `${Number((bytes / UNITS[unit]!).toPrecision(3))} ${unit}`;
  }
  return `${bytes} B`;
}
