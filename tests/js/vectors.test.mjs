// The shared vectors (tests/vectors/*.json) against the runtime's modules; tests/test_vectors.py holds
// generator/model/grading.py to the same files. Run with node's built-in test runner: node --test tests/js
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import test from "node:test";
import { gradeAny } from "../../generator/runtime/dialoguegrade.js";
import { CASED, SPACE, TRAILING, norm } from "../../generator/runtime/normalise.js";

const load = (name) => JSON.parse(readFileSync(new URL(`../vectors/${name}`, import.meta.url), "utf8"));
const N = load("normalise.json"), G = load("grade.json");

test("the rule's tables are spelled as in grading.py", () => {
  assert.deepEqual(N.tables, { space: SPACE, cased: CASED, trailing: TRAILING });
});

test("normalisation cases", () => {
  for (const [text, expected] of N.cases) assert.equal(norm(text), expected, JSON.stringify(text));
});

test("every code point of the Basic Multilingual Plane normalises as in Python", () => {
  const wrong = [];
  let checked = 0;
  for (let code = 0; code < 0x10000; code++) {
    if (code >= 0xd800 && code <= 0xdfff) continue;
    const c = String.fromCharCode(code), hex = code.toString(16).padStart(4, "0");
    const expected = N.bmp[hex] || [c, `a${c}b`, `a${c}`];
    const got = [norm(c), norm(`a${c}b`), norm(`a${c}`)];
    checked++;
    if (JSON.stringify(got) != JSON.stringify(expected)) wrong.push([hex, got, expected]);
  }
  assert.equal(checked, 0x10000 - 0x800);
  assert.deepEqual(wrong.slice(0, 10), []);
});

for (const c of G.cases) {
  test(`grade: ${c.name}`, () => {
    assert.deepEqual(gradeAny(c.key, c.answer), { score: c.score, max: c.key.points, correct: c.correct });
  });
}
