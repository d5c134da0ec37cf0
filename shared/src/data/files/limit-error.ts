import { DataError } from "../../core/modelgate-error.js";

/** What a refusal over a limit carries beside its message: the limit's name, its value and the value reached. */
export interface LimitReached {
  limit: "rows" | "columns" | "bytes" | "memory" | "policy-bytes";
  value: number;
  reached: number;
}

/** A file refused because reading it would pass a limit; the message names the file, the limit, the value reached and the setting. */
export class LimitError extends DataError {
  readonly limit: LimitReached["limit"];
  readonly value: number;
  readonly reached: number;

  constructor(message: string, hint: string, where: { input?: string; file?: string }, reached: LimitReached) {
    super(message, hint, {
      ...(where.input === undefined ? {} : { input: where.input }),
      ...(where.file === undefined ? {} : { file: where.file }),
    });
    this.limit = reached.limit;
    this.value = reached.value;
    this.reached = reached.reached;
  }
}
