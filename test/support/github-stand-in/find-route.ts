import type { OpenApiDocument, OpenApiOperation, OpenApiParameter } from "./openapi-description.js";
import { resolveLocalRef } from "./openapi-description.js";

export interface RouteTemplate {
  template: string;
  pattern: RegExp;
  paramNames: string[];
  /** Literal segments count; on a tie between templates, the more literal one wins, as on GitHub. */
  literalSegments: number;
  operations: Record<string, OpenApiOperation>;
}

export type RouteMatch =
  | { kind: "found"; template: string; method: string; operation: OpenApiOperation; params: Record<string, string> }
  | { kind: "unknown-path" }
  | { kind: "wrong-method"; template: string; allowed: string[] };

const HTTP_METHODS = new Set(["get", "put", "post", "delete", "options", "head", "patch", "trace"]);
const tables = new WeakMap<OpenApiDocument, RouteTemplate[]>();

/** Matches a request path (still percent-encoded) and method against every path template of the description. */
export function findRoute(doc: OpenApiDocument, method: string, rawPath: string): RouteMatch {
  const candidates = routeTable(doc).filter((route) => route.pattern.test(rawPath));
  if (candidates.length === 0) return { kind: "unknown-path" };
  const lower = method.toLowerCase();
  const withMethod = candidates.find((route) => route.operations[lower] !== undefined);
  if (!withMethod) {
    const best = candidates[0]!;
    return {
      kind: "wrong-method",
      template: best.template,
      allowed: Object.keys(best.operations).map((m) => m.toUpperCase()),
    };
  }
  const values = withMethod.pattern.exec(rawPath)!.slice(1);
  const params: Record<string, string> = {};
  withMethod.paramNames.forEach((name, index) => {
    params[name] = safeDecode(values[index] ?? "");
  });
  return {
    kind: "found",
    template: withMethod.template,
    method: method.toUpperCase(),
    operation: withMethod.operations[lower]!,
    params,
  };
}

function routeTable(doc: OpenApiDocument): RouteTemplate[] {
  let table = tables.get(doc);
  if (table) return table;
  table = Object.entries(doc.paths).map(([template, item]) => toRouteTemplate(doc, template, item));
  table.sort((a, b) => b.literalSegments - a.literalSegments);
  tables.set(doc, table);
  return table;
}

function toRouteTemplate(
  doc: OpenApiDocument,
  template: string,
  item: Record<string, OpenApiOperation>,
): RouteTemplate {
  const operations: Record<string, OpenApiOperation> = {};
  for (const [key, value] of Object.entries(item)) if (HTTP_METHODS.has(key)) operations[key] = value;
  // `{path}` of the contents API spans several segments; the description flags such parameters.
  const multiSegment = new Set<string>();
  for (const operation of Object.values(operations)) {
    for (const raw of operation.parameters ?? []) {
      const { value } = resolveLocalRef<OpenApiParameter>(doc, raw, []);
      if (value["x-multi-segment"]) multiSegment.add(value.name);
    }
  }
  const paramNames: string[] = [];
  let literalSegments = 0;
  const source = template
    .split("/")
    .map((segment) => {
      if (!segment.includes("{")) {
        if (segment) literalSegments += 1;
        return escapeRegExp(segment);
      }
      return segment.replace(
        /\{([^}]+)\}|([^{]+)/g,
        (_whole, name: string | undefined, literal: string | undefined) => {
          if (literal !== undefined) return escapeRegExp(literal);
          paramNames.push(name!);
          return multiSegment.has(name!) ? "(.+)" : "([^/]+)";
        },
      );
    })
    .join("/");
  return { template, pattern: new RegExp(`^${source}$`), paramNames, literalSegments, operations };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
