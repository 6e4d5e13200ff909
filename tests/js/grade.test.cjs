// Unit tests of the runtime's pure grading, run with node's built-in test runner: node --test tests/js
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { grade, norm, num, rng, shuffle, store } = require("../../generator/runtime/quiz.js");

const q = (type, extra) => ({ type, points: 1, skills: [], ...extra });
const score = (spec, answer) => grade(spec, answer).score;

test("single: only the correct option scores", () => {
  const s = q("single", { correct: [0] });
  assert.deepEqual(grade(s, [0]), { score: 1, max: 1, correct: true });
  assert.equal(score(s, [1]), 0);
  assert.equal(score(s, []), 0);
  assert.equal(score(s, "garbage"), 0);
});

test("multiple: all-or-nothing by default", () => {
  const s = q("multiple", { correct: [0, 2], scoring: "all" });
  assert.equal(score(s, [2, 0]), 1);
  assert.equal(score(s, [0]), 0);
  assert.equal(score(s, [0, 1, 2]), 0);
});

test("multiple: partial = (right - wrong) / number correct, floored at 0", () => {
  const s = q("multiple", { correct: [0, 1, 2], scoring: "partial", points: 3 });
  assert.equal(score(s, [0, 1, 2]), 3);
  assert.equal(score(s, [0, 1]), 2);
  assert.equal(score(s, [0, 1, 3]), 1);
  assert.equal(score(s, [0, 3, 4]), 0);
  assert.equal(score(s, [3]), 0);
  assert.equal(grade(s, [0]).correct, false);
});

test("truefalse", () => {
  assert.equal(score(q("truefalse", { answer: false }), false), 1);
  assert.equal(score(q("truefalse", { answer: false }), true), 0);
  assert.equal(score(q("truefalse", { answer: true }), null), 0);
});

test("norm matches quizview.normalise_answer", () => {
  assert.equal(norm("  Ｍｏｎｅｙ！ "), "money");
  assert.equal(norm("用 得 着。"), "用得着");
  assert.equal(norm("A.B."), "a.b");
  assert.equal(norm("abc__"), "abc");
  assert.equal(norm("ＡＢＣ１２３"), "abc123");
});

test("fill: normalised accept list or a whole-input regex", () => {
  const s = q("fill", { blanks: [{ accept: ["money"], regex: "^购买力?$", show: "Money" }, { accept: ["用得着"], regex: null, show: "用得着" }] });
  assert.equal(score(s, ["ＭＯＮＥＹ。", " 用得着 "]), 1);
  assert.equal(score(s, ["购买", "用得着"]), 1);
  assert.equal(score(s, ["没有购买力", "用得着"]), 0);
  assert.equal(score(s, ["money"]), 0);
  const bad = q("fill", { blanks: [{ accept: ["x"], regex: "(", show: "x" }] });
  assert.equal(score(bad, ["("]), 0);
});

test("num: full-width digits, commas and a trailing unit", () => {
  assert.equal(num("８"), 8);
  assert.equal(num("８ 种"), 8);
  assert.equal(num(" 8　种 "), 8);
  assert.equal(num("1,234.5元"), 1234.5);
  assert.equal(num("-0.5"), -0.5);
  assert.equal(num("２０％"), 20);
  assert.ok(Number.isNaN(num("abc")));
  assert.ok(Number.isNaN(num("8 9")));
  assert.ok(Number.isNaN(num("")));
});

test("numeric: absolute and relative tolerance", () => {
  const abs = q("numeric", { answer: 8, tolerance: 0, relative: false });
  assert.equal(score(abs, "8"), 1);
  assert.equal(score(abs, "８种"), 1);
  assert.equal(score(abs, "8.01"), 0);
  assert.equal(score(abs, ""), 0);
  const rel = q("numeric", { answer: 365, tolerance: 0.01, relative: true });
  assert.equal(score(rel, "362"), 1);
  assert.equal(score(rel, "368.6"), 1);
  assert.equal(score(rel, "360"), 0);
  const within = q("numeric", { answer: 10, tolerance: 0.5, relative: false });
  assert.equal(score(within, "10.5"), 1);
  assert.equal(score(within, "9.4"), 0);
});

test("calc: relative tolerance", () => {
  const s = q("calc", { answer: 20, tolerance: 0.01, relative: true });
  assert.equal(score(s, "20"), 1);
  assert.equal(score(s, "20.1 %"), 1);
  assert.equal(score(s, "25"), 0);
});

test("ordering, matching and categorise", () => {
  assert.equal(score(q("ordering", { order: [0, 1, 2] }), [0, 1, 2]), 1);
  assert.equal(score(q("ordering", { order: [0, 1, 2] }), [1, 0, 2]), 0);
  assert.equal(score(q("matching", { pairs: [0, 1] }), [0, 1]), 1);
  assert.equal(score(q("matching", { pairs: [0, 1] }), [0, 2]), 0);
  assert.equal(score(q("matching", { pairs: [0, 1] }), [0, null]), 0);
  assert.equal(score(q("categorise", { categories: [1, 0, 1] }), [1, 0, 1]), 1);
  assert.equal(score(q("categorise", { categories: [1, 0, 1] }), [1, 1, 1]), 0);
});

test("classify: an equal share per step", () => {
  const s = q("classify", { attributes: { money: "M", authority: "A" }, class: "MA", action: "MA", points: 2 });
  const all = { attributes: { money: "M", authority: "A" }, class: "MA", action: "MA" };
  assert.deepEqual(grade(s, all), { score: 2, max: 2, correct: true });
  assert.equal(score(s, { ...all, attributes: { money: "M", authority: "a" } }), 1.5);
  assert.equal(score(s, { attributes: {}, class: "MA" }), 0.5);
  assert.equal(score(s, null), 0);
  const judged = q("classify", { attributes: {}, class: "user", action: null });
  assert.equal(score(judged, { attributes: {}, class: "user" }), 1);
  assert.equal(score(judged, { attributes: {}, class: "decider" }), 0);
});

test("rng and shuffle are deterministic per seed", () => {
  const a = rng(42), b = rng(42);
  const xs = Array.from({ length: 5 }, a), ys = Array.from({ length: 5 }, b);
  assert.deepEqual(xs, ys);
  assert.ok(xs.every((x) => x >= 0 && x < 1));
  assert.deepEqual(shuffle([1, 2, 3, 4, 5], rng(7)), shuffle([1, 2, 3, 4, 5], rng(7)));
  assert.deepEqual(shuffle([1, 2, 3, 4, 5], rng(7)).sort(), [1, 2, 3, 4, 5]);
});

test("store never throws without localStorage", () => {
  assert.deepEqual(store.get("cw:v1:quiz:x"), {});
  assert.equal(store.set("cw:v1:quiz:x", { a: 1 }), false);
  assert.doesNotThrow(() => store.del("cw:v1:quiz:x"));
  assert.equal(store.ok(), false);
});
