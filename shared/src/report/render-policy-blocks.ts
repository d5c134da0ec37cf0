import { markdownTable } from "markdown-table";
import type { PolicyProvenance } from "../core/result-base.js";
import { escapeMarkdown } from "./escape-markdown.js";
import type { MarkdownBlock } from "./fit-markdown.js";

const SOURCE_TEXT: Record<PolicyProvenance["source"], string> = {
  base: "the base branch's version",
  head: "this pull request's version",
  file: "the local file",
};

/**
 * Which policy decided, with the pull request's changes to it. A PR must not loosen its own gate, so
 * when it edits the policy the reviewer is told plainly which version decided and what changed.
 */
export function renderPolicyBlocks(policy: PolicyProvenance): MarkdownBlock[] {
  const file = escapeMarkdown(policy.file);
  const change = policy.change;
  if (!change) return [{ text: `Policy: ${file} (${SOURCE_TEXT[policy.source]}).`, dropOrder: 4 }];
  const decided = `⚠️ **This pull request changes ${file}.** ${capitalize(SOURCE_TEXT[policy.source])} decided this gate; the change applies after it merges.`;
  const blocks: MarkdownBlock[] = [{ text: decided }];
  if (change.headError) {
    blocks.push({ text: `The pull request's ${file} does not parse: ${escapeMarkdown(change.headError, 500)}` });
  } else if (change.differences.length === 0) {
    blocks.push({ text: "The change touches comments or formatting only." });
  } else {
    const rows = change.differences.map((d) => [escapeMarkdown(d.path), cell(d.base), cell(d.head)]);
    const table = markdownTable([["policy key", "base", "this PR"], ...rows], { alignDelimiters: false });
    blocks.push({
      text: `<details><summary>Policy changes (${rows.length})</summary>\n\n${table}\n\n</details>`,
      dropOrder: 5,
    });
  }
  return blocks;
}

function cell(value: string | undefined): string {
  return value === undefined ? "_(absent)_" : escapeMarkdown(value);
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
