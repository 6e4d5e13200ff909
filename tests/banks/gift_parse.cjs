// Parses GIFT files with gift-pegjs (an independent reader) and prints, per file, what it read:
// {"file": ..., "questions": [{type, id, tags, title, ...}]} or {"file": ..., "error": ..., "line": ..., "column": ...}.
"use strict";
const fs = require("fs");
const { parse } = require("gift-pegjs");

const out = [];
for (const file of process.argv.slice(2)) {
  const text = fs.readFileSync(file, "utf8");
  try {
    const questions = parse(text).map((q) => ({
      type: q.type,
      id: q.id ?? null,
      tags: q.tags ?? [],
      title: q.title ?? null,
      stem: q.stem ? q.stem.text : null,
      format: q.stem ? q.stem.format : null,
      choices: (q.choices ?? []).length,
      pairs: (q.matchPairs ?? []).length,
      answer: q.type === "Short" ? q.choices[0].text.text : null,
      isTrue: q.isTrue ?? null,
    }));
    out.push({ file, questions });
  } catch (e) {
    out.push({ file, error: String(e.message), line: e.location ? e.location.start.line : null,
               column: e.location ? e.location.start.column : null });
  }
}
process.stdout.write(JSON.stringify(out));
