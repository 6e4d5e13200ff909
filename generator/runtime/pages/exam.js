// @ts-check
// Bundled into assets/courseware/exam.js, which the final exam's page links.
import { boot } from "../boot.js";
import { mountExam } from "../exam.js";

boot("exam", mountExam);
