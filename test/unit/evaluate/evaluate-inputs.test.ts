import { describe, expect, it } from "vitest";
import { readEvaluateInputs } from "../../../shared/src/evaluate/evaluate-inputs.js";

const reading = (inputs: Record<string, string>) => () => readEvaluateInputs((name) => inputs[name] ?? "");

describe("readEvaluateInputs", () => {
  it("applies the contract's predictions defaults when only candidate-predictions is set", () => {
    expect(reading({ "candidate-predictions": "p.csv" })()).toMatchObject({
      candidate: undefined,
      candidatePredictions: "p.csv",
      task: "classification",
      labelColumn: "label",
      predictionColumn: "prediction",
      scoreColumn: "score",
      idColumn: "id",
      positiveLabel: "1",
      threshold: 0.5,
    });
  });

  it.each([["0"], ["1"], ["0.25"], [".75"], ["1e-1"]])("reads threshold %s as a number", (text) => {
    expect(reading({ candidate: "c.json", threshold: text })().threshold).toBe(Number(text));
  });

  it.each([["1.5"], ["-0.1"], ["half"], ["0x1"], ["NaN"]])(
    "refuses threshold %s naming the input, what is allowed and the fix",
    (text) => {
      expect(reading({ candidate: "c.json", threshold: text })).toThrow(
        `Input "threshold" is ${JSON.stringify(text)}: allowed: a number from 0 to 1, such as 0.5.`,
      );
    },
  );

  it("refuses a task other than classification or regression", () => {
    expect(reading({ candidate: "c.json", task: "ranking" })).toThrow(
      'Input "task" is "ranking": allowed: classification, regression.',
    );
  });

  it("throws an InputError naming candidate and candidate-predictions when neither is set", () => {
    expect(reading({ baseline: "b.json" })).toThrow(
      expect.objectContaining({
        name: "InputError",
        message: expect.stringContaining('"candidate" and "candidate-predictions"'),
      }),
    );
  });

  it("throws an InputError when baseline-explanations is set without candidate-explanations", () => {
    expect(reading({ candidate: "c.json", "baseline-explanations": "b.json" })).toThrow(
      /"baseline-explanations" is set but "candidate-explanations" is not/,
    );
  });

  it("reads the explanation inputs, with show-examples off unless it is a YAML true", () => {
    expect(reading({ candidate: "c.json", "candidate-explanations": "shap.csv" })()).toMatchObject({
      candidateExplanations: "shap.csv",
      showExamples: false,
    });
    expect(reading({ candidate: "c.json", "show-examples": "True" })().showExamples).toBe(true);
    expect(reading({ candidate: "c.json", "show-examples": "yes" })).toThrow(
      /Input "show-examples" is "yes": allowed: true, True, TRUE, false, False, FALSE/,
    );
  });

  it("throws an InputError when baseline-predictions is set without candidate-predictions", () => {
    expect(reading({ candidate: "c.json", "baseline-predictions": "b.csv" })).toThrow(
      /"baseline-predictions" is set but "candidate-predictions" is not/,
    );
  });
});
