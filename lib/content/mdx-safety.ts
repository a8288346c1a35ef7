// What an entry's MDX may hold beyond Markdown. MDX compiles to JavaScript that the server runs
// when it renders a page, so content is kept inert: no code ever comes from an entry. Rules, in
// the order they are checked on each node:
//   1. no `import` / `export` statements;
//   2. JSX only for <Cause id title aliases> and <Callout type>; never <script>, <style>,
//      <iframe>, <object>, <embed> or another element that runs or embeds code;
//   3. attributes are `name="text"` (or a literal in braces): no spreads, no `on*` event
//      handlers, no attribute the component does not take;
//   4. braces `{…}` hold a literal (`{"{"}`) or a comment only: no calls, no globals, no `process`;
//   5. links, images and URL attributes use https:, http:, mailto:, a relative path or `#anchor`
//      (so no `javascript:`).
// Pure: walks the syntax tree remark-mdx produced and reports problems instead of throwing.
import type { Root, RootContent } from "mdast";
import type { MdxJsxAttribute, MdxJsxAttributeValueExpression, MdxJsxExpressionAttribute, MdxJsxFlowElement, MdxJsxTextElement } from "mdast-util-mdx";
import type { SectionProblem } from "./sections";

/** The components an entry may use, with the attributes each takes. */
const components: ReadonlyMap<string, readonly string[]> = new Map([
  ["Cause", ["id", "title", "aliases"]],
  ["Callout", ["type"]],
]);

/** Elements that run code or embed another document, named in their own message. */
const embeddingElements = new Set(["script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "link", "meta"]);

/** Attributes a browser (or React) treats as a URL to load or follow. */
const urlAttributes = new Set(["href", "src", "srcset", "action", "formaction", "xlink:href", "poster", "background", "cite", "data", "ping", "manifest", "codebase", "longdesc"]);

const allowedSchemes = new Set(["https", "http", "mailto"]);

const codeHint = "write literal < { } inside backticks or a fenced code block";

type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;
type EsNode = { type: string; [key: string]: unknown };

function isEsNode(value: unknown): value is EsNode {
  return typeof value === "object" && value !== null && "type" in value && typeof value.type === "string";
}

function childNodes(node: EsNode): Array<{ key: string; child: EsNode }> {
  const found: Array<{ key: string; child: EsNode }> = [];
  for (const [key, value] of Object.entries(node)) {
    if (isEsNode(value)) found.push({ key, child: value });
    else if (Array.isArray(value)) for (const item of value) if (isEsNode(item)) found.push({ key, child: item });
  }
  return found;
}

/** Every node of an estree program, outermost first, with the key it sits under in its parent. */
function walkEstree(root: EsNode): Array<{ node: EsNode; parent?: EsNode; key?: string }> {
  const out: Array<{ node: EsNode; parent?: EsNode; key?: string }> = [{ node: root }];
  for (let index = 0; index < out.length; index++) {
    const current = out[index];
    if (!current) continue;
    for (const { key, child } of childNodes(current.node)) out.push({ node: child, parent: current.node, key });
  }
  return out;
}

/** An identifier that names a variable, not a property (`a` in `a.b`, not `b`). */
function isReference(node: EsNode, parent: EsNode | undefined, key: string | undefined): node is EsNode & { name: string } {
  if (node.type !== "Identifier" || typeof node.name !== "string") return false;
  if (parent?.type === "MemberExpression" && key === "property" && parent.computed !== true) return false;
  if (parent?.type === "Property" && key === "key" && parent.computed !== true) return false;
  return true;
}

function isLiteral(node: EsNode): boolean {
  if (node.type === "Literal") {
    return !("regex" in node) && !("bigint" in node) && (node.value === null || ["string", "number", "boolean"].includes(typeof node.value));
  }
  return node.type === "TemplateLiteral" && Array.isArray(node.expressions) && node.expressions.length === 0;
}

/** The program's expression when it is a single literal, or empty (comments only). */
function isInert(program: EsNode | undefined): boolean {
  if (!program || !Array.isArray(program.body)) return false;
  if (program.body.length === 0) return true;
  const [statement] = program.body;
  return program.body.length === 1 && isEsNode(statement) && statement.type === "ExpressionStatement" && isEsNode(statement.expression) && isLiteral(statement.expression);
}

function calleeName(callee: unknown): string {
  if (!isEsNode(callee)) return "a function";
  if (callee.type === "Identifier" && typeof callee.name === "string") return callee.name;
  if (callee.type === "MemberExpression" && isEsNode(callee.property) && callee.property.type === "Identifier" && callee.computed !== true) {
    const object = calleeName(callee.object);
    return `${object === "a function" ? "…" : object}.${String(callee.property.name)}`;
  }
  return "a function";
}

/** What a non-literal expression does, worst first: reads `process`, calls a function, reads a variable. */
function describeCode(program: EsNode | undefined): string {
  const nodes = program ? walkEstree(program) : [];
  if (nodes.some(({ node, parent, key }) => isReference(node, parent, key) && node.name === "process")) {
    return "reads process (the server's environment)";
  }
  const calls = nodes.filter(({ node }) => node.type === "CallExpression" || node.type === "NewExpression" || node.type === "TaggedTemplateExpression" || node.type === "ImportExpression");
  // Name a plain function where there is one: `require(…).execSync(…)` calls require().
  const call = calls.find(({ node }) => isEsNode(node.callee) && node.callee.type === "Identifier") ?? calls[0];
  if (call) {
    if (call.node.type === "ImportExpression") return "imports a module";
    return `calls ${calleeName(call.node.type === "TaggedTemplateExpression" ? call.node.tag : call.node.callee)}()`;
  }
  const reference = nodes.find(({ node, parent, key }) => isReference(node, parent, key));
  if (reference && typeof reference.node.name === "string") return `reads ${reference.node.name}`;
  return "is code, not a literal";
}

function snippet(source: string): string {
  const compact = source.replace(/\s+/g, " ").trim();
  return compact.length > 40 ? `${compact.slice(0, 39)}…` : compact;
}

/** The scheme a browser would see (it ignores whitespace and control characters in it), when it is not allowed. */
export function blockedScheme(url: string): string | undefined {
  const compact = url.replace(/[\u0000-\u0020\u007f]/g, "").toLowerCase();
  const scheme = /^([a-z][a-z0-9+.-]*):/.exec(compact)?.[1];
  return scheme && !allowedSchemes.has(scheme) ? scheme : undefined;
}

function urlMessage(what: string, scheme: string): string {
  return `${what} uses a ${scheme}: URL: link only to https:, http:, mailto:, a relative path or a #anchor`;
}

function estreeOf(value: { data?: { estree?: unknown } }): EsNode | undefined {
  const program = value.data?.estree;
  return isEsNode(program) ? program : undefined;
}

function checkAttribute(element: JsxElement, attribute: MdxJsxAttribute | MdxJsxExpressionAttribute, problems: SectionProblem[]): void {
  const tag = `<${element.name}>`;
  const line = attribute.position?.start.line ?? element.position?.start.line;
  if (attribute.type === "mdxJsxExpressionAttribute") {
    problems.push({ field: "body", line, message: `${tag} spreads {${snippet(attribute.value)}}: write each attribute as name="text"` });
    return;
  }
  const { name, value } = attribute;
  if (/^on/i.test(name)) {
    problems.push({ field: "body", line, message: `${name} on ${tag} is an inline event handler: entries cannot run code, remove it` });
    return;
  }
  let text: string | undefined = typeof value === "string" ? value : undefined;
  if (isExpressionValue(value)) {
    const program = estreeOf(value);
    if (!isInert(program)) {
      problems.push({ field: "body", line, message: `${name}={${snippet(value.value)}} on ${tag} ${describeCode(program)}: write it as ${name}="text"` });
      return;
    }
    text = literalText(program);
  }
  const allowed = element.name ? components.get(element.name) : undefined;
  if (allowed && !allowed.includes(name)) {
    problems.push({ field: "body", line, message: `${tag} has no attribute "${name}": use ${allowed.join(", ")}` });
    return;
  }
  const scheme = text !== undefined && urlAttributes.has(name.toLowerCase()) ? blockedScheme(text) : undefined;
  if (scheme) problems.push({ field: "body", line, message: urlMessage(`${name} on ${tag}`, scheme) });
}

function isExpressionValue(value: MdxJsxAttribute["value"]): value is MdxJsxAttributeValueExpression {
  return typeof value === "object" && value !== null && value.type === "mdxJsxAttributeValueExpression";
}

function literalText(program: EsNode | undefined): string | undefined {
  const [statement] = Array.isArray(program?.body) ? program.body : [];
  if (!isEsNode(statement) || !isEsNode(statement.expression)) return undefined;
  const expression = statement.expression;
  if (expression.type === "Literal") return typeof expression.value === "string" ? expression.value : undefined;
  const [quasi] = Array.isArray(expression.quasis) ? expression.quasis : [];
  if (isEsNode(quasi) && typeof quasi.value === "object" && quasi.value !== null && "cooked" in quasi.value && typeof quasi.value.cooked === "string") {
    return quasi.value.cooked;
  }
  return undefined;
}

function checkElement(element: JsxElement, problems: SectionProblem[]): void {
  const line = element.position?.start.line;
  const name = element.name;
  if (name && embeddingElements.has(name.toLowerCase())) {
    problems.push({ field: "body", line, message: `<${name}> is not allowed: entries cannot embed scripts, styles, frames or plugins; show markup in a fenced code block` });
  } else if (!name || !components.has(name)) {
    problems.push({ field: "body", line, message: `<${name ?? ""}> is not allowed: only <Cause> and <Callout> (${codeHint})` });
  }
  for (const attribute of element.attributes) checkAttribute(element, attribute, problems);
}

function checkNode(node: RootContent, problems: SectionProblem[]): void {
  const line = node.position?.start.line;
  switch (node.type) {
    case "mdxjsEsm": {
      // mdx-bundler adds `export const frontmatter` itself; it has no position in the source.
      if (!node.position) return;
      const statement = /^\s*import\b/.test(node.value) ? "an import" : "an export";
      problems.push({ field: "body", line, message: `${statement} statement is not allowed: entries hold content only and import or export nothing; show code in a fenced code block` });
      return;
    }
    case "mdxFlowExpression":
    case "mdxTextExpression": {
      const program = estreeOf(node);
      if (!isInert(program)) {
        problems.push({ field: "body", line, message: `{${snippet(node.value)}} ${describeCode(program)}: braces may hold only a literal such as {"{"} (${codeHint})` });
      }
      return;
    }
    case "mdxJsxFlowElement":
    case "mdxJsxTextElement":
      checkElement(node, problems);
      break;
    case "link":
    case "image":
    case "definition": {
      const scheme = blockedScheme(node.url);
      if (scheme) problems.push({ field: "body", line, message: urlMessage(node.type === "image" ? "an image" : "a link", scheme) });
      break;
    }
    default:
      break;
  }
  if ("children" in node) for (const child of node.children) checkNode(child, problems);
}

export function checkMdxSafety(tree: Root): SectionProblem[] {
  const problems: SectionProblem[] = [];
  for (const node of tree.children) checkNode(node, problems);
  return problems;
}
