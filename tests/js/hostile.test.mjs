// Hostile state for the runtime's pure parts: ids named like Object.prototype's properties, and saved
// records edited by hand. Run with node's built-in test runner: node --test tests/js
import assert from "node:assert/strict";
import test from "node:test";
import { bySkill, fits, restore } from "../../generator/runtime/store.js";

// The build rejects these as ids and skills; the runtime must not trip over them regardless.
const RESERVED = ["constructor", "__proto__", "toString", "valueOf", "hasOwnProperty", "isPrototypeOf"];
const CFG = { version: 1, id: "q", questions: {}, draw: null, shuffle_questions: false };
const BAD = { toString: 1, valueOf: 1 }; // String(BAD) and +BAD throw
const ok = { score: 1, max: 1, correct: true };

/** A quiz config with questions of these types by id, as the page gives it (through JSON.parse). */
const cfgOf = (types) => JSON.parse(JSON.stringify({ ...CFG, questions: Object.fromEntries(Object.entries(types).map(([id, type]) => [id, { type }])) }));
/** A record as localStorage hands it back: through JSON.parse. */
const parsed = (record) => JSON.parse(JSON.stringify({ v: 1, id: "q", ...record }));

test("a fresh record has nothing under prototype names", () => {
  const st = restore({}, cfgOf({ constructor: "single", toString: "truefalse" }));
  for (const id of RESERVED) {
    assert.equal(st.answers[id], undefined, `answers.${id}`);
    assert.equal(st.results[id], undefined, `results.${id}`);
  }
  assert.equal(st.seed, 0, "a first attempt keeps the page's order");
  assert.deepEqual([st.best, st.passed, st.done], [null, false, false]);
});

test("a first attempt draws or shuffles questions with a seed of its own", () => {
  for (const extra of [{ draw: 2 }, { shuffle_questions: true }]) {
    const st = restore({}, { ...CFG, ...extra });
    assert.ok(Number.isInteger(st.seed) && st.seed > 0, JSON.stringify(extra));
  }
});

test("saved answers and results under prototype names come back as saved", () => {
  const types = Object.fromEntries(RESERVED.map((id) => [id, "single"]));
  const record = JSON.parse(`{"v": 1, "id": "q", "answers": {${RESERVED.map((id, i) => `"${id}": [${i}]`)}},
    "results": {${RESERVED.map((id) => `"${id}": {"score": 1, "max": 2, "correct": false}`)}}}`);
  const st = restore(record, cfgOf(types));
  assert.deepEqual(Object.keys(st.answers), RESERVED);
  RESERVED.forEach((id, i) => assert.deepEqual(st.answers[id], [i]));
  assert.deepEqual(st.results.__proto__, { score: 1, max: 2, correct: false });
  assert.equal(Object.getPrototypeOf(st.results), null);
  // What is saved again parses back to the same thing.
  assert.deepEqual(restore(JSON.parse(JSON.stringify(st)), cfgOf(types)).answers.__proto__, [1]);
});

test("an answer for a question the quiz does not have is dropped", () => {
  const st = restore(parsed({ answers: { constructor: [0], gone: [0], a: [1] } }), cfgOf({ a: "single" }));
  assert.deepEqual(Object.keys(st.answers), ["a"]);
});

test("per-skill tallies under prototype names", () => {
  const by = bySkill([[{ score: 1, max: 1 }, [...RESERVED, "MAN"]], [{ score: 0, max: 2 }, ["toString", "__proto__"]]]);
  assert.deepEqual(Object.keys(by), [...RESERVED, "MAN"]);
  assert.deepEqual(by.toString, [1, 3]);
  assert.deepEqual(by.__proto__, [1, 3]);
  assert.deepEqual(by.constructor, [1, 1]);
  assert.deepEqual(by.MAN, [1, 1]);
  assert.deepEqual(bySkill([[ok, "not a list"]]), Object.create(null));
});

test("poisoned record fields fall back to a fresh attempt's", () => {
  for (const poison of [BAD, "12", "true", [3], null, Infinity, NaN]) {
    const st = restore({ v: 1, id: "q", seed: poison, best: poison, passed: poison, done: poison, answers: poison, results: poison }, CFG);
    assert.equal(st.seed, 0, `seed ${String(JSON.stringify(poison))}`);
    assert.equal(st.best, null);
    assert.equal(st.passed, false);
    assert.equal(st.done, false);
    assert.deepEqual([Object.keys(st.answers), Object.keys(st.results)], [[], []]);
  }
  const good = restore(parsed({ seed: 42, best: 75, passed: true, done: true }), CFG);
  assert.deepEqual([good.seed, good.best, good.passed, good.done], [42, 75, true, true]);
});

test("a record of another quiz or version is ignored", () => {
  assert.equal(restore({ v: 1, id: "other", best: 90 }, CFG).best, null);
  assert.equal(restore({ v: 2, id: "q", best: 90 }, CFG).best, null);
  assert.equal(restore({ v: 1, id: "q", best: 90 }, CFG).best, 90);
});

test("a bad result is dropped, good ones next to it kept", () => {
  const results = {
    good: ok,
    maxObject: { score: 1, max: BAD, correct: true },
    scoreObject: { score: BAD, max: 1, correct: true },
    scoreText: { score: "1", max: 1, correct: true },
    maxZero: { score: 0, max: 0, correct: false },
    correctText: { score: 1, max: 1, correct: "yes" },
    notAnObject: 1,
    nothing: null,
    list: [1, 1, true],
  };
  const st = restore({ v: 1, id: "q", results }, CFG);
  assert.deepEqual(Object.keys(st.results), ["good"]);
});

test("an answer is kept only in the shape read() gives its question type", () => {
  const shapes = {
    single: [[[0], [1, 2], []], [[BAD], ["0"], 0, "0", BAD, [[0]], { 0: 0 }, [1.5]]],
    truefalse: [[true, false], [BAD, "true", 1, null, [true]]],
    fill: [[["a", ""], []], [[BAD], "a", [1], ["a", null], BAD]],
    numeric: [["8", ""], [8, BAD, ["8"], null]],
    calc: [["20 %"], [20, BAD]],
    ordering: [[[2, 0, 1]], [[BAD], ["0"], "012", BAD]],
    matching: [[[0, null, 1], []], [[BAD], [[0]], ["1"], BAD]],
    categorise: [[[1, 0]], [[BAD], [true], BAD]],
    classify: [
      [{ attributes: { money: "M" }, class: "MA" }, { attributes: {} }, { attributes: {}, class: "x", action: "y" }],
      [BAD, { attributes: { money: BAD } }, { attributes: {}, class: BAD }, { attributes: {}, action: 1 }, ["MA"], "MA"],
    ],
  };
  for (const [type, [good, bad]] of Object.entries(shapes)) {
    for (const a of good) assert.ok(fits(type, a), `${type} keeps ${JSON.stringify(a)}`);
    for (const a of bad) assert.ok(!fits(type, a), `${type} drops ${JSON.stringify(a)}`);
  }
  const cfg = cfgOf({ a: "truefalse", b: "fill", c: "single" });
  const st = restore(parsed({ answers: { a: BAD, b: ["x", BAD], c: [1] } }), cfg);
  assert.deepEqual(Object.keys(st.answers), ["c"], "bad answers go, the good one next to them stays");
});
