import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { readDataTable } from "../../../../shared/src/validate/read-data-table.js";
import { parsePolicy } from "../../../../shared/src/policy/parse-policy.js";
import { toCanonicalJson } from "../../../../shared/src/core/canonical-json.js";
import { buildProfile } from "../../../../shared/src/validate/profile/build-profile.js";
import {
  addToSketch,
  emptySketch,
  mergeSketches,
  sketchQuantile,
  SKETCH_RELATIVE_ACCURACY,
} from "../../../../shared/src/validate/profile/log-bucket-sketch.js";
import { mergeProfiles } from "../../../../shared/src/validate/profile/merge-profiles.js";
import type { NamedProfile } from "../../../../shared/src/validate/profile/merge-profiles.js";
import { combinedMoments } from "../../../../shared/src/validate/profile/profile-drift.js";
import { parseProfile } from "../../../../shared/src/validate/profile/read-profile.js";
import { validateProfiles } from "../../../../shared/src/validate/profile/validate-profiles.js";
import { createSeededRandom } from "../../../../shared/src/stats/seeded-random.js";

// The drift fixtures of validate-data.test.ts, with SciPy's values (fixtures/make_validate_reference_values.py).
const fixtures = fileURLToPath(new URL("../fixtures/", import.meta.url));
const expected = JSON.parse(readFileSync(path.join(fixtures, "validate-reference-values.json"), "utf8"))
  .large as Record<string, { statistic: number }>;
const policy = parsePolicy("version: 1\nmodel: churn\n", "modelgate.yml");

/** `large/<name>.csv` cut into `parts` shard files of consecutive rows, each profiled. */
async function shardProfiles(name: string, parts: number): Promise<NamedProfile[]> {
  const [header, ...rows] = readFileSync(path.join(fixtures, "large", `${name}.csv`), "utf8")
    .trimEnd()
    .split("\n");
  const folder = mkdtempSync(path.join(tmpdir(), "modelgate-shards-"));
  const size = Math.ceil(rows.length / parts);
  const profiles: NamedProfile[] = [];
  for (let i = 0; i < parts; i++) {
    const file = `${name}-${i}.csv`;
    writeFileSync(path.join(folder, file), `${header}\n${rows.slice(i * size, (i + 1) * size).join("\n")}\n`);
    const table = await readDataTable(file, "data", { workspace: folder, allowedRoots: [folder] }, policy.data);
    profiles.push({ file: `${file}.profile.json`, profile: buildProfile(table) });
  }
  return profiles;
}

async function wholeProfile(name: string): Promise<NamedProfile> {
  const table = await readDataTable(
    `large/${name}.csv`,
    "data",
    { workspace: fixtures, allowedRoots: [fixtures] },
    policy.data,
  );
  return { file: `${name}.profile.json`, profile: buildProfile(table) };
}

describe("the log-bucket sketch (DDSketch)", () => {
  it("reads every rank within its relative accuracy of the exact order statistic, merged or not", () => {
    const rng = createSeededRandom(7);
    const random = () => rng.nextDouble();
    const values = Array.from({ length: 20_000 }, (_, i) =>
      i % 50 === 0 ? 0 : (random() - 0.3) * Math.exp(8 * random()),
    );
    const whole = emptySketch();
    const parts = [emptySketch(), emptySketch(), emptySketch()];
    values.forEach((v, i) => {
      addToSketch(whole, v);
      addToSketch(parts[i % 3]!, v);
    });
    const merged = mergeSketches(mergeSketches(parts[0]!, parts[1]!), parts[2]!);
    const sorted = [...values].sort((a, b) => a - b);
    for (let q = 0; q <= 1; q += 0.01) {
      const exact = sorted[Math.floor(q * (sorted.length - 1))]!;
      for (const sketch of [whole, merged])
        expect(Math.abs(sketchQuantile(sketch, q)! - exact)).toBeLessThanOrEqual(
          SKETCH_RELATIVE_ACCURACY * Math.abs(exact) + 1e-300,
        );
    }
  });
});

describe("mergeProfiles", () => {
  it("gives the same bytes in any order and grouping, and the whole file's counts, sketches and moments", async () => {
    const shards = await shardProfiles("current", 3);
    const [a, b, c] = shards as [NamedProfile, NamedProfile, NamedProfile];
    const orders = [
      [a, b, c],
      [c, b, a],
      [b, a, c],
      [c, a, b],
    ];
    const texts = orders.map((order) => toCanonicalJson(mergeProfiles(order)));
    for (const text of texts) expect(text).toBe(texts[0]);
    const grouped = mergeProfiles([{ file: "ab.json", profile: mergeProfiles([a, b]) }, c]);
    expect(toCanonicalJson(grouped)).toBe(texts[0]);

    const merged = mergeProfiles(shards);
    const whole = (await wholeProfile("current")).profile;
    expect(merged.rows).toBe(2500);
    expect(merged.shards).toHaveLength(3);
    for (const column of whole.columns) {
      const other = merged.columns.find((candidate) => candidate.name === column.name)!;
      // Everything but the moments (kept per shard) is the whole file's.
      const withoutMoments = (c: typeof column) =>
        Object.fromEntries(Object.entries(c).filter(([key]) => key !== "moments"));
      expect(withoutMoments(other)).toEqual(withoutMoments(column));
      if (column.kind === "number" && other.kind === "number") {
        const [x, y] = [combinedMoments(column), combinedMoments(other)];
        expect(y.count).toBe(x.count);
        expect(Math.abs(y.mean - x.mean)).toBeLessThanOrEqual(1e-12 * Math.abs(x.mean));
        expect(Math.abs(y.variance - x.variance)).toBeLessThanOrEqual(1e-10 * x.variance);
      }
    }
  });

  it("refuses a shard counted twice, a missing column and a column read as another type", async () => {
    const [a, b] = (await shardProfiles("current", 2)) as [NamedProfile, NamedProfile];
    expect(() => mergeProfiles([a, b, { ...a, file: "again.json" }])).toThrow(
      /again\.json and current-0\.csv\.profile\.json both cover current-0\.csv .*its rows would count twice/,
    );
    const withoutRegion = {
      file: "narrow.json",
      profile: { ...b.profile, columns: b.profile.columns.filter((column) => column.name !== "region") },
    };
    expect(() => mergeProfiles([a, withoutRegion])).toThrow(
      'Column "region" is not in narrow.json, but the other profiles have it.',
    );
    const asText = {
      file: "text.json",
      profile: {
        ...b.profile,
        columns: b.profile.columns.map((column) =>
          column.name === "amount"
            ? { kind: "string" as const, name: "amount", rows: column.rows, missing: 0, values: [], other: null }
            : column,
        ),
      },
    };
    expect(() => mergeProfiles([a, asText])).toThrow(
      'Column "amount" holds numbers in current-0.csv.profile.json but text in text.json.',
    );
  });

  it("round-trips through its JSON and refuses a tampered one", async () => {
    const merged = mergeProfiles(await shardProfiles("current", 2));
    expect(parseProfile(toCanonicalJson(merged), "merged.json")).toEqual(merged);
    expect(() => parseProfile(toCanonicalJson({ ...merged, rows: merged.rows + 1 }), "merged.json")).toThrow(
      "Profile merged.json says 2501 rows but its shards add up to 2500.",
    );
    expect(() => parseProfile('{"schema":"modelgate.profile/v0"}', "old.json")).toThrow(
      /Profile old\.json does not match modelgate\.profile\/v1 at schema/,
    );
  });
});

describe("drift on merged profiles", () => {
  it("equals SciPy's Jensen–Shannon distance on exact counts, and its normed Wasserstein within the reported bound", async () => {
    const data = { file: "current.merged.json", profile: mergeProfiles(await shardProfiles("current", 3)) };
    const reference = { file: "reference.merged.json", profile: mergeProfiles(await shardProfiles("reference", 2)) };
    const result = validateProfiles({
      data,
      reference,
      policy,
      policyProvenance: { file: "modelgate.yml", sha256: "0".repeat(64), source: "file" },
      key: "churn",
      notes: [],
    });
    const region = result.drift!.columns.find((check) => check.metric === "region")!;
    expect(region.method).toBe("jensen-shannon");
    expect(Math.abs(region.statistic - expected.region!.statistic)).toBeLessThanOrEqual(
      1e-9 * expected.region!.statistic,
    );
    expect(region.approximation).toBeUndefined();
    const amount = result.drift!.columns.find((check) => check.metric === "amount")!;
    expect(amount.method).toBe("wasserstein");
    const bound = Number(/within ±([0-9.e-]+)/.exec(amount.approximation!)![1]);
    expect(bound).toBeLessThan(0.05);
    expect(Math.abs(amount.statistic - expected.amount!.statistic)).toBeLessThanOrEqual(bound);
    expect(amount.message).toContain("Approximate, on the profiles' sketches");
    expect(result.data).toMatchObject({ format: "profile", rows: 2500 });
    expect(result.quality.find((q) => q.column === "region")!.top.length).toBeGreaterThan(0);
  });

  it("refuses KS on profiles with the reason, as a failed check", async () => {
    const data = { file: "c.json", profile: mergeProfiles(await shardProfiles("current", 2)) };
    const reference = { file: "r.json", profile: mergeProfiles(await shardProfiles("reference", 2)) };
    const ks = parsePolicy("version: 1\ndata:\n  drift:\n    method: ks\n", "modelgate.yml");
    const result = validateProfiles({
      data,
      reference,
      policy: ks,
      policyProvenance: { file: "modelgate.yml", sha256: "0".repeat(64), source: "file" },
      key: "churn",
      notes: [],
    });
    expect(result.checks.find((check) => check.metric === "amount")).toMatchObject({
      verdict: "fail",
      message: expect.stringContaining("ks needs the raw values"),
    });
  });
});

describe("a text column of many distinct values", () => {
  it("keeps the 10,000 most frequent values (ties by text) as ranking every pair would, and folds the rest", async () => {
    const rng = createSeededRandom(19);
    const random = () => rng.nextDouble();
    // 30,000 distinct values; counts from 1 to 4, so the cut falls inside a tie.
    const cells = Array.from({ length: 30_000 }, (_, i) =>
      Array.from({ length: 1 + Math.floor(random() * 4) }, () => `v${(i * 7919) % 30_011}`),
    ).flat();
    const folder = mkdtempSync(path.join(tmpdir(), "modelgate-levels-"));
    writeFileSync(path.join(folder, "levels.csv"), `v\n${cells.join("\n")}\n`);
    const table = await readDataTable("levels.csv", "data", { workspace: folder, allowedRoots: [folder] }, policy.data);
    const column = buildProfile(table).columns[0]!;
    const counts = new Map<string, number>();
    for (const cell of cells) counts.set(cell, (counts.get(cell) ?? 0) + 1);
    const ranked = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const kept = ranked.slice(0, 10_000).sort((a, b) => (a[0] < b[0] ? -1 : 1));
    const folded = ranked.slice(10_000);
    expect(column).toEqual({
      kind: "string",
      name: "v",
      rows: cells.length,
      missing: 0,
      values: kept,
      other: { values: folded.length, rows: folded.reduce((sum, [, n]) => sum + n, 0) },
    });
  });
});
