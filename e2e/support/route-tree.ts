import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import ts from "typescript";

/**
 * Every route of the `app/` tree, read from the files themselves: pages (`page.tsx`), API
 * handlers (`route.ts`, with every HTTP method the file exports) and metadata files. A route
 * someone adds is in this list without anyone remembering to add it.
 */
export const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export interface AppRoute {
  kind: "page" | "api" | "file";
  /** The file, relative to the project (`app/api/users/[userId]/route.ts`). */
  file: string;
  /** The route's pattern, e.g. `/api/users/[userId]`. */
  pattern: string;
  /** A concrete path to request: dynamic segments filled with sample values. */
  path: string;
  methods: HttpMethod[];
}

const METADATA_FILE =
  /^(icon|apple-icon|favicon|opengraph-image|twitter-image)\.\w+$|^(robots\.txt|sitemap\.xml|manifest\.(json|webmanifest))$/;

/** `[id]` → `sample-id`, `[...path]` → `sample/path`, `[[...x]]` → nothing, `(group)` → nothing. */
function sampleSegment(segment: string): string | undefined {
  if (/^\(.*\)$/.test(segment)) return undefined;
  if (/^\[\[\.\.\..+\]\]$/.test(segment)) return undefined;
  const catchAll = /^\[\.\.\.(.+)\]$/.exec(segment);
  if (catchAll) return `sample-${catchAll[1]}/more`;
  const dynamic = /^\[(.+)\]$/.exec(segment);
  if (dynamic) return `sample-${dynamic[1]}`;
  return segment;
}

function urlOf(segments: readonly string[]): { pattern: string; path: string } {
  const kept = segments.filter((s) => !/^\(.*\)$/.test(s));
  const samples = segments.map(sampleSegment).filter((s): s is string => s !== undefined);
  return { pattern: `/${kept.join("/")}`, path: `/${samples.join("/")}` };
}

/** The HTTP methods a route file exports (`export const GET`, `export async function POST`, `export { x as PUT }`). */
export function exportedMethods(source: string, fileName = "route.ts"): HttpMethod[] {
  const file = ts.createSourceFile(
    fileName,
    source,
    ts.ScriptTarget.Latest,
    false,
    ts.ScriptKind.TS,
  );
  const names = new Set<string>();
  const exported = (node: ts.Node) =>
    ts.canHaveModifiers(node) &&
    (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  for (const statement of file.statements) {
    if (ts.isVariableStatement(statement) && exported(statement)) {
      for (const d of statement.declarationList.declarations)
        if (ts.isIdentifier(d.name)) names.add(d.name.text);
    } else if (ts.isFunctionDeclaration(statement) && exported(statement) && statement.name) {
      names.add(statement.name.text);
    } else if (
      ts.isExportDeclaration(statement) &&
      statement.exportClause &&
      ts.isNamedExports(statement.exportClause)
    ) {
      for (const element of statement.exportClause.elements) names.add(element.name.text);
    }
  }
  return HTTP_METHODS.filter((m) => names.has(m));
}

export function listAppRoutes(root: string): AppRoute[] {
  const app = join(root, "app");
  const routes: AppRoute[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) {
        // private folders (`_x`) are not routes
        if (!entry.name.startsWith("_")) walk(full);
        continue;
      }
      const segments = relative(app, dir).split(sep).filter(Boolean);
      const file = relative(root, full);
      if (/^page\.(tsx|ts|jsx|js)$/.test(entry.name)) {
        routes.push({ kind: "page", file, ...urlOf(segments), methods: ["GET"] });
      } else if (/^route\.(ts|js)$/.test(entry.name)) {
        const methods = exportedMethods(readFileSync(full, "utf8"), entry.name);
        routes.push({ kind: "api", file, ...urlOf(segments), methods });
      } else if (METADATA_FILE.test(entry.name)) {
        routes.push({ kind: "file", file, ...urlOf([...segments, entry.name]), methods: ["GET"] });
      }
    }
  };
  walk(app);
  return routes.sort((a, b) => a.pattern.localeCompare(b.pattern));
}
