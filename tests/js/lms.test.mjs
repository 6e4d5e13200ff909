// Unit tests of the LMS adapter's pure parts: suspend_data encoding and SCORM vocabulary.
// Run with node's built-in test runner: node --test tests/js
import assert from "node:assert/strict";
import test from "node:test";
import { decode, encode, pack, unpack } from "../../generator/runtime/lmscodec.js";
import { courseState, duration, interaction, kind, response, statusValues } from "../../generator/runtime/lmsreport.js";

const common = { points: 1, skills: [] };
const scheme = { attributes: [{ id: "need", values: ["yes", "no"] }, { id: "money", values: ["yes", "no"] }], classes: ["A", "B", "C"] };
/** A course of one quiz with a question of every type. */
const C = {
  standard: "1.2", version: 1, start: "index.html", pages: ["index.html", "lessons/L1.html", "lessons/L2.html"],
  lessons: [{ id: "L1", href: "lessons/L1.html", required: true }, { id: "L2", href: "lessons/L2.html", required: false }],
  schemes: { s: scheme }, pass_mark: 80, limit: 4096,
  quizzes: [{
    id: "Q", key: "cw:v1:quiz:Q", href: "quizzes/Q.html", pass_mark: 80, counted: true, shape: "abc",
    questions: [
      { id: "q1", text: "one", scheme: null, key: { ...common, type: "single", correct: [1] } },
      { id: "q2", text: "two", scheme: null, key: { ...common, type: "multiple", correct: [0, 2], scoring: "all" } },
      { id: "q3", text: "three", scheme: null, key: { ...common, type: "truefalse", answer: false } },
      { id: "q4", text: "four", scheme: null, key: { ...common, type: "fill", groups: [[0], [1]], blanks: [
        { accept: ["用得着"], synonyms: [], regex: null, show: "用得着" }, { accept: ["买得起"], synonyms: [], regex: null, show: "买得起" }] } },
      { id: "q5", text: "five", scheme: null, key: { ...common, type: "numeric", answer: 8, tolerance: 0.5, relative: false, show: "8" } },
      { id: "q6", text: "six", scheme: null, key: { ...common, type: "ordering", order: [0, 1, 2] } },
      { id: "q7", text: "seven", scheme: null, key: { ...common, type: "matching", pairs: [0, 1] } },
      { id: "q8", text: "eight", scheme: null, key: { ...common, type: "categorise", categories: [1, 0, 1] } },
      { id: "q9", text: "nine", scheme: "s", key: { ...common, type: "classify", attributes: { need: "yes", money: "no" }, class: "B", action: "B", show: "B" } },
    ],
  }],
};
const Q = C.quizzes[0];
const right = {
  q1: [1], q2: [0, 2], q3: false, q4: ["用得着", "买得起"], q5: "8", q6: [0, 1, 2], q7: [0, 1], q8: [1, 0, 1],
  q9: { attributes: { need: "yes", money: "no" }, class: "B", action: "B" },
};
const clone = (x) => JSON.parse(JSON.stringify(x));

test("every type of answer packs short and unpacks to itself", () => {
  for (const q of Q.questions) {
    const a = right[q.id], s = q.scheme ? scheme : undefined, c = pack(q, s, a);
    assert.deepEqual(clone(unpack(q, s, c)), a, q.id);
    if (q.key.type != "fill" && q.key.type != "numeric") assert.ok(typeof c == "string" && c.length <= 4, `${q.id}: ${c}`);
  }
  const q7 = Q.questions[6];
  assert.equal(pack(q7, undefined, [1, null]), "1_");
  assert.deepEqual(unpack(q7, undefined, "1_"), [1, null]);
  // A classification with an unknown value is kept as it is, never misread as another.
  const odd = { attributes: { need: "maybe" }, class: "B", action: null };
  assert.deepEqual(pack(Q.questions[8], scheme, odd), odd);
});

test("records and lessons survive the round trip, results graded again", () => {
  const answers = clone(right), results = {};
  for (const q of Q.questions) results[q.id] = { score: 1, max: 1, correct: true };
  delete results.q5; // answered, not checked yet
  const rec = { v: 1, id: "Q", seed: 123456, answers, results, best: 90, passed: true, done: false };
  const text = encode(C, { [Q.key]: rec }, new Set(["L1", "nope"]));
  assert.ok(text.length < 120, text);
  const back = decode(C, text);
  assert.deepEqual([...back.visited], ["L1"]);
  const r = back.records[Q.key];
  assert.deepEqual([r.seed, r.best, r.passed, r.done], [123456, 90, true, false]);
  assert.deepEqual(clone(r.answers), answers);
  assert.deepEqual(Object.keys(r.results).sort(), Object.keys(results).sort());
  assert.ok(Object.values(r.results).every((x) => x.correct));
});

test("what does not fit goes first: unchecked answers, passed quizzes' answers, all answers, all quizzes", () => {
  const rec = { v: 1, id: "Q", seed: 7, answers: clone(right), results: { q1: { score: 1, max: 1, correct: true } }, best: 100, passed: true, done: false };
  const size = (limit) => encode({ ...C, limit }, { [Q.key]: rec }, new Set(["L1"]));
  const full = size(4096), l1 = size(full.length - 1), l3 = size(l1.length - 1);
  assert.ok(l1.length < full.length && Object.keys(decode(C, l1).records[Q.key].answers).length == 1);
  assert.deepEqual(clone(decode(C, l3).records[Q.key].answers), {});
  assert.equal(decode(C, l3).records[Q.key].best, 100);
  assert.deepEqual(JSON.parse(size(10)), [1, "L1", {}]);
});

test("suspend_data that is broken, foreign or of another quiz's shape starts afresh", () => {
  for (const bad of ["", "x", "[2,\"\",{}]", "{\"Q\":1}", "[1,5,{\"Q\":[\"abc\",\"zz\",\"x\",\"y\",\"nope\"]}]", "[1,\"\",{\"Q\":[\"xyz\",0,50,1,[\"1\"]]}]"]) {
    const d = decode(C, bad);
    assert.deepEqual(d.visited.size, 0, bad);
    const r = d.records[Q.key];
    assert.ok(!r || (Object.keys(r.answers).length == 0 && r.best == null), bad);
  }
  assert.deepEqual(Object.keys(decode(C, "[1,\"\",{\"constructor\":[\"abc\"]}]").records), []);
});

test("the course's state follows its completion rule; the LMS's mastery score wins", () => {
  const recs = { [Q.key]: { best: 75 } };
  assert.deepEqual(courseState(C, {}, new Set(), null), { completed: false, score: null, progress: 0, passed: null });
  assert.deepEqual(courseState(C, recs, new Set(["L1"]), null), { completed: true, score: 75, progress: 1, passed: false });
  assert.equal(courseState(C, recs, new Set(["L1"]), 70).passed, true);
  const none = { ...C, quizzes: [{ ...Q, counted: false }], pass_mark: null };
  assert.deepEqual(courseState(none, recs, new Set(["L1"]), 90), { completed: true, score: null, progress: 1, passed: null });
  assert.deepEqual(statusValues("1.2", { completed: true, score: 75, progress: 1, passed: false }).at(-1), ["cmi.core.lesson_status", "failed"]);
  assert.deepEqual(statusValues("1.2", { completed: true, score: null, progress: 1, passed: null }), [["cmi.core.lesson_status", "completed"]]);
  assert.deepEqual(Object.fromEntries(statusValues("2004", { completed: false, score: 40, progress: 0.5, passed: null })), {
    "cmi.score.min": "0", "cmi.score.max": "100", "cmi.score.raw": "40", "cmi.score.scaled": "0.4",
    "cmi.completion_status": "incomplete", "cmi.progress_measure": "0.5", "cmi.success_status": "unknown",
  });
});

test("interactions speak each standard's vocabulary", () => {
  const q = (id) => Q.questions.find((x) => x.id == id);
  assert.equal(response("1.2", q("q2"), undefined, [2, 0], false), "c,a");
  assert.equal(response("2004", q("q2"), undefined, null, true), "a[,]c");
  assert.equal(response("2004", q("q3"), undefined, true, false), "true");
  assert.equal(response("1.2", q("q3"), undefined, null, true), "f");
  assert.equal(response("2004", q("q4"), undefined, ["a[,]b", "{x"], false), "a b[,](x");
  assert.equal(response("2004", q("q5"), undefined, "８ 种", false), "8");
  assert.equal(response("2004", q("q5"), undefined, "lots", false), null);
  assert.equal(response("2004", q("q5"), undefined, null, true), "7.5[:]8.5");
  assert.equal(response("1.2", q("q5"), undefined, null, true), "8");
  assert.equal(response("2004", q("q7"), undefined, [1, null], false), "a[.]2");
  assert.equal(response("2004", q("q9"), scheme, null, true), "need[.]yes[,]money[.]no[,]class[.]B[,]action[.]B");
  assert.deepEqual([kind("1.2", q("q9")), kind("2004", q("q8")), kind("2004", q("q6"))], ["performance", "matching", "sequencing"]);
  // A conversation is a performance in both versions: each step is a turn, its answer the reply's letter.
  const dialogue = { id: "d", text: "", scheme: null, key: { ...common, type: "dialogue", path: [2, 0, 1] } };
  assert.deepEqual([kind("1.2", dialogue), kind("2004", dialogue)], ["performance", "performance"]);
  assert.equal(response("2004", dialogue, undefined, null, true), "1[.]c[,]2[.]a[,]3[.]b");
  assert.equal(response("1.2", dialogue, undefined, [0, 1], false), "1.a,2.b");
  const at = new Date(2026, 0, 2, 3, 4, 5);
  const rows = Object.fromEntries(interaction("2004", 3, "Q", q("q1"), undefined, [0], { score: 0, max: 1, correct: false }, 61500, at));
  assert.deepEqual(rows, {
    "cmi.interactions.3.id": "Q.q1", "cmi.interactions.3.type": "choice", "cmi.interactions.3.timestamp": "2026-01-02T03:04:05",
    "cmi.interactions.3.weighting": "1", "cmi.interactions.3.description": "one", "cmi.interactions.3.correct_responses.0.pattern": "b",
    "cmi.interactions.3.learner_response": "a", "cmi.interactions.3.result": "incorrect", "cmi.interactions.3.latency": "PT0H1M1.50S",
  });
  assert.equal(duration("1.2", 3723450), "0001:02:03.45");
  assert.equal(Object.fromEntries(interaction("1.2", 0, "Q", q("q1"), undefined, [1], { score: 1, max: 1, correct: true }, 0, at))["cmi.interactions.0.time"], "03:04:05");
});
