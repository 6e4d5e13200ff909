"""LMS delivery: the course as a SCORM 1.2 or SCORM 2004 (4th edition) package (docs/lms.md)."""
