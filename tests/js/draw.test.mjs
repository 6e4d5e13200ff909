// The final exam's draw (generator/runtime/blueprint.js) against tests/vectors/draw.json, which
// tests/test_final_exam.py writes from generator/model/examdraw.py: the same draw for the same seed,
// and no draw exactly when Python finds none. Run with node's built-in test runner: node --test tests/js
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import test from "node:test";
import { draw } from "../../generator/runtime/blueprint.js";

const D = JSON.parse(readFileSync(new URL("../vectors/draw.json", import.meta.url), "utf8"));

/** Does `drawn` take `per` questions from each group, each once, and meet every skill minimum? */
const meets = (drawn, { groups, skills, per, min }) =>
  groups.every((g) => drawn.filter((q) => g.includes(q)).length == per) &&
  new Set(drawn).size == drawn.length &&
  Object.entries(min).every(([s, n]) => drawn.filter((q) => skills[q].includes(s)).length >= n);

test("the runtime draws what Python draws, for every vector", () => {
  assert.ok(D.cases.length > 150);
  for (const c of D.cases) assert.deepEqual(draw(c.groups, c.skills, c.per, c.min, c.seed), c.draw, JSON.stringify(c));
});

test("every draw of a course-sized pool meets the blueprint, and the draws vary", () => {
  const c = D.course_like, seen = new Set();
  for (let seed = 1; seed <= 500; seed++) {
    const got = draw(c.groups, c.skills, c.per, c.min, seed);
    assert.ok(got && meets(got, c), `seed ${seed}`);
    seen.add([...got].sort().join());
  }
  assert.ok(seen.size > 490, `only ${seen.size} different draws`);
});

test("an impossible blueprint draws nothing", () => {
  const c = D.course_like;
  assert.equal(draw(c.groups, c.skills, c.per, { ...c.min, "s0-1": 4 }, 5), null);
  assert.equal(draw(c.groups, c.skills, 26, {}, 5), null);
});
