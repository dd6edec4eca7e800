/**
 * Instruments the transpiled snippet so that every operation knows the line of the
 * user's call, for free: before each call (and each statement) the code stores that
 * line in the process's location register, `__mp_loc.line`, which the runtime reads
 * when it records an operation (events/emitter.ts).
 *
 * Why: capturing a stack to find the caller costs ~5 µs (measured in Node, with a
 * 3-frame limit), more than a whole queue operation; a property store costs about a
 * nanosecond. Inserted text never holds a newline, so every line stays where it was
 * (tracebacks keep pointing at the user's lines).
 *
 * Where the store goes:
 * - a call or `new` with arguments: around its last argument, so it runs after the
 *   arguments (which may call the user's own functions) and just before the call;
 * - a call without arguments: around the callee's object (`(store, q).get()`, which
 *   keeps `this`), or around the callee itself (`(store, f)()`);
 * - each statement of a block: before it, for operations that are not calls (a
 *   Value's `.value`, an Array's element).
 */
import type { Node, Program } from "acorn";
import { LOC } from "./wrap";

interface Insertion {
  pos: number;
  text: string;
  /** Sort key at equal positions: closes (inner first) before opens (outer first). */
  rank: number;
}

type AnyNode = Node & Record<string, unknown> & { loc?: { start: { line: number } } };

const lineOf = (n: AnyNode): number => n.loc?.start.line ?? 0;
const store = (line: number) => `${LOC}.line=${line}`;

/** `js` with the location stores added; `program` is acorn's parse of `js` (with locations). */
export function instrument(js: string, program: Program): string {
  const ins: Insertion[] = [];
  const wrap = (n: AnyNode, line: number, depth: number) => {
    ins.push({ pos: n.start, text: `(${store(line)},`, rank: 1_000_000 + depth });
    ins.push({ pos: n.end, text: ")", rank: -depth });
  };
  const visit = (node: AnyNode, depth: number): void => {
    if (node.type === "CallExpression" || node.type === "NewExpression") instrumentCall(node, depth, wrap);
    const list = statementList(node);
    if (list) {
      for (const stmt of list) {
        if (isInstrumentedStatement(stmt))
          ins.push({ pos: stmt.start, text: `${store(lineOf(stmt))};`, rank: 500_000 });
      }
    }
    for (const key of Object.keys(node)) {
      if (key === "loc") continue;
      const v = node[key];
      if (Array.isArray(v)) {
        for (const c of v) if (isNode(c)) visit(c, depth + 1);
      } else if (isNode(v)) visit(v, depth + 1);
    }
  };
  visit(program as unknown as AnyNode, 0);
  ins.sort((a, b) => a.pos - b.pos || a.rank - b.rank);
  let out = "";
  let at = 0;
  for (const i of ins) {
    out += js.slice(at, i.pos) + i.text;
    at = i.pos;
  }
  return out + js.slice(at);
}

function instrumentCall(node: AnyNode, depth: number, wrap: (n: AnyNode, line: number, depth: number) => void): void {
  const callee = node.callee as AnyNode;
  if (callee.type === "Super" || callee.type === "Import") return;
  const isMember = callee.type === "MemberExpression";
  const line = isMember ? lineOf(callee.property as AnyNode) : lineOf(node);
  const args = node.arguments as AnyNode[];
  const last = args[args.length - 1];
  if (last) {
    wrap(last.type === "SpreadElement" ? (last.argument as AnyNode) : last, line, depth + 1);
    return;
  }
  if (isMember) {
    const object = callee.object as AnyNode;
    if (object.type !== "Super") wrap(object, line, depth + 1);
    return;
  }
  wrap(callee, line, depth + 1);
}

function statementList(node: AnyNode): AnyNode[] | null {
  if (node.type === "Program" || node.type === "BlockStatement" || node.type === "StaticBlock")
    return node.body as AnyNode[];
  if (node.type === "SwitchCase") return node.consequent as AnyNode[];
  return null;
}

function isInstrumentedStatement(stmt: AnyNode): boolean {
  if (stmt.type === "FunctionDeclaration" || stmt.type === "ClassDeclaration" || stmt.type === "EmptyStatement")
    return false;
  // A directive ("use strict") must stay first.
  return !(stmt.type === "ExpressionStatement" && typeof stmt.directive === "string");
}

function isNode(v: unknown): v is AnyNode {
  return typeof v === "object" && v !== null && typeof (v as { type?: unknown }).type === "string";
}
