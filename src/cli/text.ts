// Text from other processes and from the system, made safe to show, and
// measured in terminal columns. Pure.
//
// A process chooses its own name and command line, and whoever edits
// /etc/passwd chooses user names: any of them may hold an escape sequence
// that retitles the window, moves the cursor or rewrites lines already
// printed. Before such text reaches a terminal or a text file, every code
// point of UNSAFE becomes one '?', as ps(1) does:
//   C0 controls U+0000–U+001F (ESC, BEL, CR, TAB, LF ...) and DEL U+007F;
//   C1 controls U+0080–U+009F (0x9B is CSI to many terminals);
//   U+FFFD, which stands for bytes the library could not decode as UTF-8;
//   the line and paragraph separators U+2028 and U+2029;
//   the bidirectional marks, embeddings, overrides and isolates (U+200E,
//   U+200F, U+202A–U+202E, U+2066–U+2069), which reorder what follows them;
//   a lone UTF-16 surrogate, which no terminal can print.

// eslint-disable-next-line no-control-regex -- control characters are the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028-\u202e\u2066-\u2069\ufffd]|[\ud800-\udfff]/gu;
// eslint-disable-next-line no-control-regex -- the same set, tested without replacing
const HAS_UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028-\u202e\u2066-\u2069\ufffd]|[\ud800-\udfff]/u;

/** `text` with every unsafe code point (see above) replaced by '?'. */
export function visible(text: string): string {
  return HAS_UNSAFE.test(text) ? text.replace(UNSAFE, '?') : text;
}

/**
 * JSON text with the unsafe code points that JSON.stringify leaves as they
 * are (DEL, C1, U+FFFD, the separators and bidirectional controls) written
 * as \uXXXX escapes: the same string to a JSON parser, and nothing a
 * terminal acts on. JSON.stringify has already escaped C0 and lone
 * surrogates, and such code points can occur only inside strings, so every
 * match is inside one.
 */
export function escapeJsonText(json: string): string {
  return json.replace(JSON_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const JSON_UNSAFE = /[\u007f-\u009f\u200e\u200f\u2028-\u202e\u2066-\u2069\ufffd]/g;

// Printable ASCII: one column each, the common case measured by length.
const PLAIN = /^[\x20-\x7e]*$/;
const ZERO_WIDTH = /^[\p{Mn}\p{Me}\u200b-\u200d\u2060\ufeff]$/u;

/**
 * Columns a code point takes on a terminal: 0 for combining marks and zero
 * width spaces, 2 for East Asian wide and fullwidth characters and most
 * emoji (the ranges of Markus Kuhn's wcwidth), 1 otherwise. Meant for text
 * already passed through visible().
 */
export function codePointWidth(cp: number): number {
  if (cp < 0x300) return 1;
  if (ZERO_WIDTH.test(String.fromCodePoint(cp))) return 0;
  if (
    (cp >= 0x1100 && cp <= 0x115f) ||
    cp === 0x2329 ||
    cp === 0x232a ||
    (cp >= 0x2e80 && cp <= 0xa4cf && cp !== 0x303f) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe10 && cp <= 0xfe19) ||
    (cp >= 0xfe30 && cp <= 0xfe6f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1f64f) ||
    (cp >= 0x1f900 && cp <= 0x1f9ff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  ) {
    return 2;
  }
  return 1;
}

/** The columns `text` takes on a terminal. */
export function displayWidth(text: string): number {
  if (PLAIN.test(text)) return text.length;
  let width = 0;
  for (const ch of text) width += codePointWidth(ch.codePointAt(0)!);
  return width;
}

/** The longest start of `text` that fits in `width` columns. */
export function cutToWidth(text: string, width: number): string {
  if (width <= 0) return '';
  if (PLAIN.test(text)) return text.length <= width ? text : text.slice(0, width);
  let used = 0;
  let end = 0;
  for (const ch of text) {
    const w = codePointWidth(ch.codePointAt(0)!);
    if (used + w > width) break;
    used += w;
    end += ch.length;
  }
  return text.slice(0, end);
}

/** `text` padded with spaces to `width` columns, on the right (left-aligned) or on the left. */
export function pad(text: string, width: number, align: 'left' | 'right'): string {
  const fill = width - displayWidth(text);
  if (fill <= 0) return text;
  return align === 'right' ? ' '.repeat(fill) + text : text + ' '.repeat(fill);
}

/**
 * A list shown within `width` columns: the whole of it when it fits, else its
 * length in brackets and as many items from the start as fit, then '…':
 * `[65536] 1,2,3,…`. Never longer than `width` unless even `[N] …` is.
 */
export function fitList(items: readonly string[], separator: string, width: number): string {
  let whole = 0;
  for (const item of items) {
    whole += displayWidth(item) + separator.length;
    if (whole - separator.length > width) break;
  }
  if (whole - separator.length <= width) return items.join(separator);
  const head = `[${items.length}] `;
  let out = head;
  let used = head.length;
  for (const item of items) {
    const w = displayWidth(item);
    // Room must stay for the separator and the ellipsis after this item.
    if (used + w + separator.length + 1 > width) break;
    out += item + separator;
    used += w + separator.length;
  }
  return `${out}…`;
}
