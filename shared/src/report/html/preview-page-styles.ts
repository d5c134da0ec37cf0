/**
 * The page around the reports: each report in a box as wide as a pull request's comment column on github.com,
 * charts scaled to the column as GitHub scales them, and a chart that failed in GitHub's error colours.
 * github-markdown-css styles everything inside `.markdown-body`.
 */
export const PREVIEW_PAGE_STYLES = `
:root { color-scheme: light; }
body { margin: 0; background: #f6f8fa; color: #1f2328; font-family: -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; }
main { box-sizing: border-box; max-width: 1012px; margin: 0 auto; padding: 24px 16px 48px; }
.preview-index, .report { background: #ffffff; border: 1px solid #d0d7de; border-radius: 6px; margin: 0 0 24px; }
.preview-index { padding: 16px 24px; }
.report-head { display: flex; gap: 8px; align-items: baseline; flex-wrap: wrap; padding: 8px 16px; border-bottom: 1px solid #d0d7de; background: #f6f8fa; border-radius: 6px 6px 0 0; font-size: 14px; }
.report-head .report-name { font-weight: 600; overflow-wrap: anywhere; }
.report-head .report-story { color: #59636e; overflow-wrap: anywhere; }
.report-head a { margin-left: auto; color: #0969da; text-decoration: none; }
.report > .markdown-body { padding: 16px 24px; }
.mermaid-chart { margin: 0 0 16px; overflow-x: auto; text-align: center; }
.mermaid-chart svg { max-width: 100%; height: auto; }
.mermaid-error { text-align: left; border: 1px solid #ff818266; background: #ffebe9; border-radius: 6px; padding: 8px 16px; }
.mermaid-error > p { margin: 0 0 8px; font-weight: 600; color: #d1242f; }
.preview-footer { color: #59636e; font-size: 12px; }
`;
