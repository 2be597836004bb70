// How the build writes a chart it drew into a page: before the root of the cell that draws
// it live, inside the element Framework removes when that cell first displays.
import {describe, expect, test} from "vitest";
import {drawnInto, withCharts} from "../../scripts/prerender.ts";

// Two cells as Framework's build writes them: a block's root is a comment naming the cell.
const PAGE = '<div class="observablehq observablehq--block"><!--:0123abcd:--></div>\n<p>prose</p>\n<div class="observablehq observablehq--block"><!--:89abcdef-1:--></div>';
const CHART = '<div style="position: relative;"><svg class="plot-d6a7b5" width="704"><g><text>Day</text></g></svg></div>';

describe("charts drawn at build time", () => {
  test("go before the root of their own cell only, where Framework's loader finds them, and read back as written", () => {
    const html = withCharts(PAGE, {"89abcdef-1": CHART});
    expect(html).toBe(PAGE.replace("<!--:89abcdef-1:-->", `<observablehq-loading class="first-view">${CHART}</observablehq-loading><!--:89abcdef-1:-->`));
    expect(drawnInto(html)).toEqual({"89abcdef-1": CHART});
  });

  test("drawn again, take the place of the earlier drawing rather than adding to it", () => {
    const again = withCharts(withCharts(PAGE, {"0123abcd": CHART, "89abcdef-1": CHART}), {"0123abcd": "<svg class=\"plot-d6a7b5\"></svg>"});
    expect(drawnInto(again)).toEqual({"0123abcd": '<svg class="plot-d6a7b5"></svg>'});
    expect(again.match(/first-view/g)).toHaveLength(1);
  });
});
