// @ts-check
// Bundled into assets/courseware/dialogue.js, which quiz pages with a conversation link instead of quiz.js.
import { boot } from "../boot.js";
import { mountDialogues } from "../dialogue.js";

boot("dialogue", mountDialogues);
