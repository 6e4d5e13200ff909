// @ts-check
// The launch page of an LMS package (SCORM 1.2 or 2004): finds the LMS's API once, initialises once,
// shows the course in a same-origin frame, reports, and terminates once when the learner leaves.
//
// The course's pages are the normal site and know nothing of the LMS: they keep their records in
// localStorage as always. Here that storage is a working copy: at launch it is cleared of the course's
// records and given the LMS's (suspend_data), so the LMS is the store of record and a learner resumes
// on any computer; the frame's writes reach this page as `storage` events, which are turned into
// interactions, status, score and suspend_data, committed at most once every COMMIT_DELAY ms.
import { decode, encode } from "./lmscodec.js";
import { FIELDS, courseState, duration, interaction, statusValues } from "./lmsreport.js";
import { $, fin, isObj, json, obj } from "./util.js";

/** @typedef {import("./contract.js").LmsCourse} LmsCourse */
/** @typedef {Record<string, any>} Rec */

export const COMMIT_DELAY = 2000;

/**
 * The LMS's API object called `name` (API for 1.2, API_1484_11 for 2004): the standard search up this
 * window's parents, then up the chain of the window that opened the top one. Windows of another
 * origin on the way are passed over.
 * @param {string} name @returns {any}
 */
export function findApi(name) {
  /** @param {any} w */
  const scan = (w) => {
    for (let n = 0; w && n < 500; n++) {
      try {
        if (w[name]) return w[name];
      } catch (e) {
        /* another origin: look further up */
      }
      if (!w.parent || w.parent === w) break;
      w = w.parent;
    }
    return null;
  };
  try {
    return scan(window) || scan(window.top?.opener);
  } catch (e) {
    return null;
  }
}

/** An answer as text, whatever the order of its object's keys. @param {unknown} a */
const canon = (a) => JSON.stringify(a, (k, v) => (isObj(v) ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => (x < y ? -1 : 1))) : v));

/** localStorage that never throws (it may be denied). */
const local = {
  /** @param {string} k @returns {string | null} */
  get: (k) => { try { return localStorage.getItem(k); } catch (e) { return null; } },
  /** @param {string} k @param {string | null} v */
  put: (k, v) => { try { if (v == null) localStorage.removeItem(k); else localStorage.setItem(k, v); } catch (e) { /* denied */ } },
};

/** Start the launch page: the LmsCourse in [data-cw-lms], the course's frame [data-cw-frame]. @param {Document} doc */
export function launch(doc) {
  /** @type {LmsCourse} */
  const C = json(doc, "[data-cw-lms]");
  /** @type {HTMLIFrameElement} */
  const frame = $(doc, "[data-cw-frame]");
  const std = C.standard, F = FIELDS[std], api = findApi(std == "1.2" ? "API" : "API_1484_11");
  /** @param {string} m @param {string[]} a @returns {string} */
  const call = (m, ...a) => {
    try {
      return String(api[m](...a));
    } catch (e) {
      return "";
    }
  };
  if (!api || call(F.init, "") != "true") {
    // Outside an LMS (or refused by it) the course still works, with records in this browser only.
    $(doc, "[data-cw-lms-missing]").hidden = false;
    frame.src = C.start;
    return;
  }
  const started = Date.now(), keys = new Set(C.quizzes.map((z) => z.key));
  /** @param {string} f @param {string} v */
  const put = (f, v) => call(F.set, f, v) == "true" || console.warn(`the LMS refused ${f} = ${v}`);
  // SCORM 2004 reports reading an element never set as an error: read the saved data only on resuming.
  const resuming = std == "1.2" || call(F.get, "cmi.entry") == "resume";
  const saved = decode(C, resuming ? call(F.get, F.suspend) : "");
  // Without a counted quiz there is no score to pass with (and nothing to read: 2004 would report an error).
  const visited = saved.visited, mastery = C.pass_mark == null ? NaN : parseFloat(call(F.get, F.mastery));
  // 2004 gives the passing score scaled (-1…1), 1.2 in percent; an empty value means "not set".
  const mark = fin(mastery) ? (std == "2004" ? mastery * 100 : mastery) : null;
  let n = parseInt(call(F.get, F.count), 10) || 0, timer = 0, ended = false, written = "", here = "", shown = Date.now();
  /** The records as last seen, by storage key: raw text and parsed. @type {Map<string, [string | null, Rec]>} */
  const known = new Map();
  /** When each question's answer was first changed since its last result (for latency). @type {Map<string, number>} */
  const begun = new Map();
  /** Interaction elements not yet sent. @type {[string, string][]} */
  let queue = [];
  for (const z of C.quizzes) {
    const r = saved.records[z.key], text = r ? JSON.stringify(r) : null;
    local.put(z.key, text);
    known.set(z.key, [text, obj(r)]);
  }
  // site.js reads which storage version is current before any quiz page has said it.
  local.put("cw:site", JSON.stringify({ v: C.version }));

  /** Compare the working copy with what was seen: new results become interactions. */
  const sync = () => {
    let changed = false;
    for (const z of C.quizzes) {
      const text = local.get(z.key), [was, old] = /** @type {[string | null, Rec]} */ (known.get(z.key));
      if (text === was) continue;
      changed = true;
      /** @type {Rec} */
      let r = {};
      try {
        r = obj(JSON.parse(text || "0"));
      } catch (e) { /* unreadable: as if empty */ }
      const now = Date.now(), a = obj(r.answers), res = obj(r.results), oa = obj(old.answers), ores = obj(old.results);
      for (const q of z.questions) {
        const id = `${z.id}.${q.id}`, same = canon(a[q.id]) === canon(oa[q.id]);
        const result = res[q.id];
        if (result && (!ores[q.id] || !same)) {
          const scheme = q.scheme ? C.schemes[q.scheme] : undefined, ms = now - (begun.get(id) ?? shown);
          queue.push(...interaction(std, n++, z.id, q, scheme, a[q.id], result, ms, new Date(now)));
          begun.delete(id);
        } else if (!result && !same && Object.hasOwn(a, q.id) && !begun.has(id)) begun.set(id, now);
      }
      known.set(z.key, [text, r]);
    }
    return changed;
  };
  /** The records by storage key, as last seen. */
  const records = () => Object.fromEntries([...known].map(([k, [, r]]) => [k, r]));

  /** Send what changed: interactions, status and score, location, suspend_data; then commit. */
  const flush = () => {
    clearTimeout(timer);
    timer = 0;
    if (ended) return;
    sync();
    const recs = records(), data = encode(C, recs, visited);
    const values = [...queue, ...statusValues(std, courseState(C, recs, visited, mark)), [F.location, here], [F.suspend, data]];
    queue = [];
    const text = JSON.stringify(values);
    if (text == written) return;
    written = text;
    values.forEach(([f, v]) => put(f, v));
    call(F.commit, "");
  };
  const schedule = () => {
    if (!timer && !ended) timer = window.setTimeout(flush, COMMIT_DELAY);
  };
  const end = () => {
    if (ended) return;
    flush();
    ended = true;
    // Suspend: the LMS keeps this attempt's data, so the learner's answers are there next time.
    put(F.exit, "suspend");
    put(F.session, duration(std, Date.now() - started));
    call(F.end, "");
    // The working copy goes: the next person at this computer must not find these answers.
    keys.forEach((k) => local.put(k, null));
  };

  window.addEventListener("storage", (e) => {
    if (e.key && keys.has(e.key) && sync()) schedule();
  });
  frame.addEventListener("load", () => {
    try {
      const w = /** @type {Window} */ (frame.contentWindow), base = new URL(".", doc.baseURI).pathname;
      const path = decodeURIComponent(w.location.pathname);
      shown = Date.now();
      if (path.startsWith(base)) {
        // The package's page, as the manifest names it (a folder's URL shows its index.html).
        const page = path.slice(base.length).replace(/(^|\/)$/, "$1index.html");
        const lesson = C.lessons.find((l) => l.href == page);
        if (lesson) visited.add(lesson.id);
        if (C.pages.includes(page)) here = page;
        doc.title = w.document.title || doc.title;
      }
    } catch (e) {
      /* a page of another origin (an author's external link): nothing to read */
    }
    schedule();
  });
  window.addEventListener("pagehide", end);
  window.addEventListener("unload", end);
  // Brought back from the back-forward cache after terminating: a new session needs a fresh start.
  window.addEventListener("pageshow", (e) => e.persisted && window.location.reload());
  doc.addEventListener("visibilitychange", () => doc.visibilityState == "hidden" && flush());
  // A saved location is used only if it is one of the package's own pages.
  const resume = resuming ? call(F.get, F.location) : "";
  here = C.pages.includes(resume) ? resume : C.start;
  frame.src = here;
}
