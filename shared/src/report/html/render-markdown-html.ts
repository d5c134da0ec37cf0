import rehypeGithubAlert from "rehype-github-alert";
import rehypeRaw from "rehype-raw";
import rehypeSanitize, { defaultSchema } from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import type { Element, Root, RootContent } from "hast";

/**
 * Markdown to HTML as github.com renders a comment: GitHub Flavored Markdown (tables, task lists, strikethrough,
 * autolinks, footnotes; micromark follows the GFM spec), raw HTML parsed and then reduced to GitHub's allow-list
 * (hast-util-sanitize's default schema is GitHub's: no script, style, iframe or event handler, `javascript:` links
 * dropped, ids prefixed `user-content-`), and `> [!NOTE]` alerts styled as GitHub styles them. Code blocks keep
 * their `language-*` class, so a ```mermaid block stays a `<pre><code class="language-mermaid">` for the page's
 * script to draw. An in-page link (`#fn-1`) is pointed at the prefixed id it means, as github.com's script does.
 */
const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  // Ids are prefixed once, by the sanitiser, as on GitHub; linkToPrefixedIds then points in-page links at them.
  .use(remarkRehype, { allowDangerousHtml: true, clobberPrefix: "" })
  .use(rehypeRaw)
  .use(rehypeSanitize, defaultSchema)
  .use(linkToPrefixedIds)
  .use(rehypeGithubAlert)
  .use(rehypeStringify)
  .freeze();

/** The sanitised HTML of one report's markdown (GFM, GitHub's allow-list); deterministic for the same markdown. */
export function renderMarkdownHtml(markdown: string): string {
  return String(processor.processSync(markdown));
}

/** Points `href="#x"` at `user-content-x` where the sanitiser gave that id, as github.com's page script does on click. */
function linkToPrefixedIds() {
  return (tree: Root) => {
    const elements: Element[] = [];
    const collect = (node: Root | RootContent) => {
      if (node.type === "element") elements.push(node);
      if ("children" in node) node.children.forEach(collect);
    };
    collect(tree);
    const ids = new Set(
      elements.map((element) => element.properties.id).filter((id): id is string => typeof id === "string"),
    );
    for (const element of elements) {
      const href = element.properties.href;
      if (typeof href === "string" && href.startsWith("#") && ids.has(`user-content-${href.slice(1)}`))
        element.properties.href = `#user-content-${href.slice(1)}`;
    }
  };
}
