// @ts-check
// How typed answers are compared, as generator/model/grading.py (which documents the rule). Both
// use the same explicit tables instead of the Unicode database (NFKC, case mapping, categories),
// whose version differs between Python and browsers; tests/vectors/normalise.json holds them to
// the same result for every code point of the Basic Multilingual Plane.

/** White space, removed wherever it stands (Python's isspace() and JavaScript's \s together). */
export const SPACE = "\\t-\\r\\x1c- \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff";
/** Letters whose case is ignored: Latin, Greek and Cyrillic. */
export const CASED = "A-Z\\xc0-\\xde\\u0100-\\u052f\\u1e00-\\u1eff";
/** Punctuation and symbols dropped from the end of an answer. */
export const TRAILING =
  "!-/:-@\\[-`{-~\\xa1-\\xa9\\xab-\\xb1\\xb4\\xb6-\\xb8\\xbb\\xbf\\xd7\\xf7\\u2010-\\u2027\\u2030-\\u205e" +
  "\\u3001-\\u3003\\u3008-\\u3011\\u3014-\\u301f\\u30fb\\ufe10-\\ufe19\\ufe30-\\ufe6b\\uff5f-\\uff65";

const space = new RegExp(`[${SPACE}]+`, "g");
const edges = new RegExp(`^[${SPACE}]+|[${SPACE}]+$`, "g");
const cased = new RegExp(`[${CASED}]`, "g");
const trailingChar = new RegExp(`[${TRAILING}]`);
const number = new RegExp(`^([-+]?(?:[0-9]+\\.?[0-9]*|\\.[0-9]+)(?:[eE][-+]?[0-9]+)?)[${SPACE}]*[^0-9.]*$`);

/** Full-width ASCII (U+FF01–U+FF5E) to ASCII. @param {string} s */
export const fold = (s) => s.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
/** s without white space at either end. @param {string} s */
export const trim = (s) => s.replace(edges, "");
/** "  Ｍｏｎｅｙ！ " -> "money", "用 得 着。" -> "用得着". @param {string} s */
export const norm = (s) => {
  const folded = fold(s).replace(cased, (c) => c.toLowerCase()).replace(space, "");
  // From the end, one character at a time: `[…]+$` retries at every position of a long run (quadratic).
  let end = folded.length;
  while (end > 0 && trailingChar.test(folded[end - 1])) end -= 1;
  return folded.slice(0, end);
};
/** The number typed, unit and thousands separators allowed: "８ 种" -> 8; NaN if none. @param {unknown} s */
export const num = (s) => {
  const m = typeof s == "string" && number.exec(trim(fold(s)).replace(/,/g, ""));
  return m ? +m[1] : NaN;
};
