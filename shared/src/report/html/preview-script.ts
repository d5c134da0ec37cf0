/**
 * The page's own script, run after the inlined Mermaid bundle: draws every ```mermaid block the way github.com does
 * (Mermaid's strict security level, the default theme; a chart that fails shows GitHub's "Unable to render rich
 * display" with the parser's message and the source), and records what happened on `window.modelgatePreview` and
 * `data-charts` on the root element, so a browser test can wait for the charts and read their errors.
 * Report content never reaches this script as code: it reads each chart's text with `textContent`.
 */
export const PREVIEW_SCRIPT = `(() => {
  "use strict";
  const state = { charts: 0, rendered: 0, errors: [], done: false };
  window.modelgatePreview = state;
  const finish = () => {
    state.done = true;
    document.documentElement.dataset.charts = state.errors.length === 0 ? "rendered" : "failed";
  };
  const blocks = Array.from(document.querySelectorAll(".markdown-body pre > code.language-mermaid"));
  state.charts = blocks.length;
  if (typeof mermaid === "undefined") {
    state.errors.push({ report: "", chart: -1, message: "the Mermaid bundle did not load" });
    finish();
    return;
  }
  mermaid.initialize({ startOnLoad: false, securityLevel: "strict", theme: "default", suppressErrorRendering: true });
  const draw = async () => {
    for (let i = 0; i < blocks.length; i++) {
      const code = blocks[i];
      const pre = code.parentElement;
      const source = code.textContent || "";
      const section = pre.closest("section[id]");
      const chart = document.createElement("div");
      chart.className = "mermaid-chart";
      try {
        const { svg } = await mermaid.render("mermaid-chart-" + (i + 1), source);
        chart.innerHTML = svg;
        chart.dataset.chart = "rendered";
        state.rendered++;
      } catch (error) {
        const message = String((error && error.message) || error);
        state.errors.push({ report: section ? section.id : "", chart: i + 1, message });
        chart.dataset.chart = "error";
        chart.classList.add("mermaid-error");
        const title = document.createElement("p");
        title.textContent = "Unable to render rich display";
        const detail = document.createElement("pre");
        detail.textContent = message;
        chart.append(title, detail, pre.cloneNode(true));
      }
      pre.replaceWith(chart);
    }
  };
  draw().catch((error) => state.errors.push({ report: "", chart: -1, message: String((error && error.message) || error) })).finally(finish);
})();
`;
