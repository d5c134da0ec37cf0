import type { CommonInputShape, parseInputs } from "../core/parse-inputs.js";

/** The inputs every action shares (contract §2), parsed. */
export type CommonInputs = ReturnType<typeof parseInputs<typeof CommonInputShape>>;
