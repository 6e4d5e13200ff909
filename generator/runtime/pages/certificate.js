// @ts-check
// Bundled into assets/courseware/certificate.js, which the certificate page links.
import { boot } from "../boot.js";
import { mountCertificate } from "../certificate.js";

boot("certificate", mountCertificate);
