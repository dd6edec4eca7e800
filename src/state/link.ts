/**
 * Share links: `#code=<lz-string compressToEncodedURIComponent(source)>`.
 *
 * Pure functions (no DOM), so they are tested in Node. A link only ever puts code in
 * the editor; nothing runs until the learner presses Run.
 */
import LZString from "lz-string";

export type ParsedHash = { kind: "none" } | { kind: "code"; code: string } | { kind: "malformed"; reason: string };

/** The banner text shown when a link's code cannot be read. */
export const MALFORMED_LINK_NOTICE =
  "This link's code could not be read (it may have been cut short). Showing the default example instead.";

/** The alphabet of compressToEncodedURIComponent ("+" may arrive as a space). */
const ENCODED_ALPHABET = /^[A-Za-z0-9+\-$ ]*$/;

/** Control characters other than tab, newline and carriage return never occur in real code. */
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFD]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Reads a location fragment (with or without the leading "#").
 * Fragments without a `code=` part are `none`; a `code=` part that does not decode
 * to plausible source text is `malformed`, with a reason for the console/devtools.
 */
export function parseHash(hash: string): ParsedHash {
  const fragment = hash.startsWith("#") ? hash.slice(1) : hash;
  if (fragment === "") return { kind: "none" };
  const part = fragment.split("&").find((p) => p === "code" || p.startsWith("code="));
  if (part === undefined) return { kind: "none" };
  let data = part.slice("code=".length);
  if (data.includes("%")) {
    // Some chat tools and mail clients percent-encode "$" or "+" on the way.
    try {
      data = decodeURIComponent(data);
    } catch {
      return { kind: "malformed", reason: "the link is not valid percent-encoding" };
    }
  }
  if (data === "") return { kind: "malformed", reason: "the link has no code after #code=" };
  if (!ENCODED_ALPHABET.test(data)) {
    return { kind: "malformed", reason: "the link contains characters that compressed code never has" };
  }
  let code: string | null;
  try {
    code = LZString.decompressFromEncodedURIComponent(data) as string | null;
  } catch {
    code = null;
  }
  if (code === null || code === undefined || code === "") {
    return { kind: "malformed", reason: "the compressed code is incomplete or damaged" };
  }
  if (CONTROL_CHARS.test(code) || LONE_SURROGATE.test(code)) {
    return { kind: "malformed", reason: "the code decompressed to unreadable text" };
  }
  return { kind: "code", code };
}

/** The fragment for `code`, including the leading "#". */
export function makeHash(code: string): string {
  return `#code=${LZString.compressToEncodedURIComponent(code)}`;
}

/** A link to `baseUrl` (its own fragment dropped) that opens `code` in the editor. */
export function makeLink(code: string, baseUrl: string): string {
  const hashAt = baseUrl.indexOf("#");
  const base = hashAt === -1 ? baseUrl : baseUrl.slice(0, hashAt);
  return base + makeHash(code);
}
