interface Fault {
  method: string;
  pathPattern: RegExp;
  statuses: number[];
  headers: Record<string, string>;
}

/** Scripted failures: each matching request takes the next status of the oldest matching fault until none is left. */
export class FaultQueue {
  private readonly faults: Fault[] = [];

  add(method: string, pathPattern: RegExp, statuses: number[], headers: Record<string, string> = {}): void {
    const lowered = Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
    this.faults.push({ method: method.toUpperCase(), pathPattern, statuses: [...statuses], headers: lowered });
  }

  /** The status and headers to answer instead of normal behaviour, or undefined. */
  take(method: string, path: string): { status: number; headers: Record<string, string> } | undefined {
    const fault = this.faults.find(
      (candidate) =>
        candidate.statuses.length > 0 &&
        (candidate.method === "*" || candidate.method === method.toUpperCase()) &&
        testPattern(candidate.pathPattern, path),
    );
    if (!fault) return undefined;
    const status = fault.statuses.shift()!;
    return { status, headers: fault.headers };
  }
}

function testPattern(pattern: RegExp, path: string): boolean {
  // A /g or /y pattern keeps lastIndex between calls; reset it so the same request always matches the same way.
  pattern.lastIndex = 0;
  return pattern.test(path);
}
