import { describe, expect, it } from "vitest";
import { loadBiasFiles } from "../../../shared/src/use-cases/load-bias-files.js";
import { fixtureAccess, reference } from "../fairness/support/compas.js";

const inputs = {
  predictions: "compas-filtered.csv.gz",
  sensitive: ["race"],
  labelColumn: "two_year_recid",
  predictionColumn: "medium_or_high",
  scoreColumn: "score",
  idColumn: "id_absent",
  positiveLabel: "1",
  threshold: 0.5,
};

describe("loadBiasFiles", () => {
  it("reads COMPAS despite its repeated decile_score and priors_count headers, noting them", async () => {
    const files = await loadBiasFiles(inputs, fixtureAccess);
    expect(files.candidate.labels.length).toBe(reference.rows);
    expect(files.sensitive[0]!.dictionary).toContain("African-American");
    expect(files.notes.join(" ")).toMatch(/decile_score/);
    expect(files.favorable).toBe(1);
  });

  it("maps a favourable label equal to the other class to predicted 0 (low risk on COMPAS)", async () => {
    const files = await loadBiasFiles({ ...inputs, favorableLabel: "0" }, fixtureAccess);
    expect(files).toMatchObject({ favorable: 0, favorableLabel: "0" });
  });

  it("refuses a sensitive column that is also the label column, naming the input", async () => {
    await expect(loadBiasFiles({ ...inputs, sensitive: ["two_year_recid"] }, fixtureAccess)).rejects.toMatchObject({
      name: "InputError",
      input: "sensitive",
      message: expect.stringMatching(/also the label-column/),
    });
  });

  it("names the file's columns when a sensitive column is absent", async () => {
    await expect(loadBiasFiles({ ...inputs, sensitive: ["ethnicity"] }, fixtureAccess)).rejects.toMatchObject({
      name: "DataError",
      path: "ethnicity",
      message: expect.stringMatching(
        /no sensitive column "ethnicity". Its columns: "id", "compas_screening_date", "sex"/,
      ),
    });
  });
});
