// @ts-check
// Bundled into assets/courseware/lms.js, which only the launch page of an LMS package loads
// (generator/scorm/): the normal site never ships it.
import { launch } from "../lms.js";

launch(document);
