/**
 * Finds the 1-based line of the first byte sequence that is not valid UTF-8 in a stream of chunks, holding at most
 * the three bytes of a sequence a chunk cuts: a file of any size is checked in the memory of one chunk.
 */
export class Utf8LineChecker {
  private line = 1;
  private tail: Uint8Array = new Uint8Array(0);

  /** The line of the first invalid sequence, once the chunks so far show one; undefined until then. */
  push(chunk: Uint8Array): number | undefined {
    const bytes = this.tail.length === 0 ? chunk : concat(this.tail, chunk);
    this.tail = new Uint8Array(0);
    let i = 0;
    while (i < bytes.length) {
      const b = bytes[i]!;
      if (b === 0x0a) this.line++;
      const need =
        b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
      if (need < 0) return this.line;
      const available = Math.min(need, bytes.length - 1 - i);
      for (let k = 1; k <= available; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return this.line;
      if (available < need) {
        this.tail = bytes.slice(i);
        return undefined;
      }
      i += need + 1;
    }
    return undefined;
  }

  /** The line of a sequence the last chunk left unfinished, or undefined. */
  end(): number | undefined {
    return this.tail.length > 0 ? this.line : undefined;
  }
}

/** The 1-based line of the first byte sequence that is not valid UTF-8, or undefined. */
export function firstInvalidUtf8Line(bytes: Uint8Array): number | undefined {
  const checker = new Utf8LineChecker();
  return checker.push(bytes) ?? checker.end();
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
