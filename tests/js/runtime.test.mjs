// Unit tests of the runtime's pure helpers. Run with node's built-in test runner: node --test tests/js
import assert from "node:assert/strict";
import test from "node:test";
import { num } from "../../generator/runtime/normalise.js";
import { del, get, set, writable } from "../../generator/runtime/store.js";
import { fmt, rng, shuffle } from "../../generator/runtime/util.js";

test("num: full-width digits, commas and a trailing unit", () => {
  assert.equal(num("８"), 8);
  assert.equal(num("８ 种"), 8);
  assert.equal(num(" 8　种 "), 8);
  assert.equal(num("1,234.5元"), 1234.5);
  assert.equal(num("-0.5"), -0.5);
  assert.equal(num("２０％"), 20);
  for (const bad of ["abc", "8 9", "", "1.2.3", 8, null, undefined]) assert.ok(Number.isNaN(num(bad)), String(bad));
});

test("rng and shuffle are deterministic per seed", () => {
  const a = rng(42), b = rng(42);
  const xs = Array.from({ length: 5 }, a), ys = Array.from({ length: 5 }, b);
  assert.deepEqual(xs, ys);
  assert.ok(xs.every((x) => x >= 0 && x < 1));
  assert.deepEqual(shuffle([1, 2, 3, 4, 5], rng(7)), shuffle([1, 2, 3, 4, 5], rng(7)));
  assert.notDeepEqual(shuffle([1, 2, 3, 4, 5], rng(7)), shuffle([1, 2, 3, 4, 5], rng(8)));
  assert.deepEqual(shuffle([1, 2, 3, 4, 5], rng(7)).sort(), [1, 2, 3, 4, 5]);
});

test("fmt fills names it knows and leaves the others", () => {
  assert.equal(fmt("进行中（{n}/{N}）", { n: 2, N: 8 }), "进行中（2/8）");
  assert.equal(fmt("{x} {constructor}", {}), "{x} {constructor}");
});

test("storage never throws without localStorage", () => {
  assert.deepEqual(get("cw:v1:quiz:x"), {});
  assert.equal(set("cw:v1:quiz:x", { a: 1 }), false);
  assert.doesNotThrow(() => del("cw:v1:quiz:x"));
  assert.equal(writable(), false);
});
