import * as z from "zod/mini";

/** A number in [0, 1], as `threshold` takes it; anything else is refused, never read as 0 or NaN. */
const unitIntervalInput = z.pipe(
  z
    .string()
    .check(
      z.refine(
        (text: string) => /^[+]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text) && Number(text) <= 1,
        "allowed: a number from 0 to 1, such as 0.5",
      ),
    ),
  z.transform((text: string) => Number(text)),
);

/** Predictions columns (contract §4): the same inputs name them in every action that reads predictions. */
export const PredictionColumnInputShape = {
  "label-column": z._default(z.string(), "label"),
  "prediction-column": z._default(z.string(), "prediction"),
  "score-column": z._default(z.string(), "score"),
  "id-column": z._default(z.string(), "id"),
  "positive-label": z._default(z.string(), "1"),
  threshold: z._default(unitIntervalInput, 0.5),
};
