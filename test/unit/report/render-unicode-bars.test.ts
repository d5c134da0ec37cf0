import { describe, expect, it } from "vitest";
import { formatPercent } from "../../../shared/src/core/format-number.js";
import { renderUnicodeDeltaBars } from "../../../shared/src/report/render-unicode-bars.js";

describe("renderUnicodeDeltaBars", () => {
  it("draws negative changes left of the axis and positive ones right, scaled to the largest, by hand", () => {
    // width 4: the largest |delta| (4) fills 4 cells; 1 is 8 eighths (one block), -2 two whole blocks, 0.5 half a block.
    const lines = renderUnicodeDeltaBars(
      [
        { label: "a", delta: 4 },
        { label: "bb", delta: -2 },
        { label: "c", delta: 0.5 },
        { label: "d", delta: 0 },
        { label: "nan", delta: Number.NaN },
      ],
      formatPercent,
      4,
    );
    expect(lines).toEqual(["a       │████  +4%", "bb    ██│      -2%", "c       │▌     +0.5%", "d       │      0%"]);
  });

  it("strips control characters from labels so a name cannot smuggle terminal escapes", () => {
    const [line] = renderUnicodeDeltaBars([{ label: "x\u001b[31mred\nline", delta: 1 }], formatPercent, 2);
    expect(line).toBe("x[31mred line    │██  +1%");
  });

  it("draws nothing without a finite row", () => {
    expect(renderUnicodeDeltaBars([{ label: "x", delta: Number.POSITIVE_INFINITY }], formatPercent)).toEqual([]);
  });
});
