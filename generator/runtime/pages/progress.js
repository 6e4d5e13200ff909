// @ts-check
// Bundled into assets/courseware/progress.js, which the progress page links.
import { boot } from "../boot.js";
import { mountProgress } from "../progress.js";

boot("progress", mountProgress);
