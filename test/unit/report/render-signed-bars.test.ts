import { describe, expect, it } from "vitest";
import { formatPercent } from "../../../shared/src/core/format-number.js";
import {
  renderSignedBars,
  renderSignedBarsBlock,
  toShortLabels,
} from "../../../shared/src/report/render-signed-bars.js";

const percent = (value: number) => formatPercent(value);

describe("renderSignedBars", () => {
  it("draws negative values left of the zero axis and positive ones right, on one scale, by hand", () => {
    // width 4, scale 4: 4 fills 4 cells; -2 is 4 halves (two blocks); 0.5 is 4 eighths (half a block); 0 no bar.
    const lines = renderSignedBars(
      [
        { label: "a", value: 4 },
        { label: "bb", value: -2 },
        { label: "c", value: 0.5 },
        { label: "d", value: 0 },
        { label: "nan", value: Number.NaN },
      ],
      { format: percent, width: 4 },
    );
    expect(lines).toEqual([
      "     -4%│ +4%",
      "a       │████  +4%",
      "bb    ██│      -2%",
      "c       │▌     +0.5%",
      "d       │      0%",
    ]);
  });

  it("cuts bars beyond the cap at the edge, marked, with the true value beside, so an outlier cannot flatten the rest", () => {
    const lines = renderSignedBars(
      [
        { label: "log_loss", value: 636 },
        { label: "roc_auc", value: -14.7 },
      ],
      { format: percent, width: 10, cap: 50 },
    );
    expect(lines[1]).toBe("log_loss            │█████████»  +636%");
    // 14.7 / 50 × 10 cells = 2.94 cells = 6 halves: three whole blocks.
    expect(lines[2]).toBe("roc_auc          ███│            -14.7%");
  });

  it("gives any nonzero value a visible mark, on either side", () => {
    const lines = renderSignedBars(
      [
        { label: "big", value: 100 },
        { label: "up", value: 0.001 },
        { label: "down", value: -0.001 },
      ],
      { format: percent, width: 4 },
    );
    expect(lines[2]).toMatch(/│▏/);
    expect(lines[3]).toMatch(/▕│/);
  });

  it("strips control characters and backticks from labels so a name cannot smuggle escapes or end a code fence", () => {
    const [, line] = renderSignedBars([{ label: "x\u001b[31mred\nline`", value: 1 }], { format: percent, width: 2 });
    expect(line).toBe("x[31mred line'    │██  +1%");
    const block = renderSignedBarsBlock("t", [{ label: "```", value: 1 }], { format: percent })!;
    expect(block.match(/```/g)).toHaveLength(2);
  });

  it("draws nothing without a finite row", () => {
    expect(renderSignedBars([{ label: "x", value: Number.POSITIVE_INFINITY }], { format: percent })).toEqual([]);
    expect(renderSignedBarsBlock("t", [], { format: percent })).toBeUndefined();
  });
});

describe("toShortLabels", () => {
  it("cuts long labels and numbers those that would then read alike", () => {
    expect(toShortLabels(["region=EU, plan=pro", "region=EU, plan=free", "x"], 10)).toEqual([
      "region=EU…",
      "region=EU… #2",
      "x",
    ]);
  });
});
