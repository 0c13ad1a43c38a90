// Decap CMS set up for the records: our front matter format, then the CMS itself (config.yml beside this page).
//
// Decap's own YAML writer follows YAML 1.2, where `18:30` and `yes` are plain strings; the validator
// (PyYAML) reads YAML 1.1, where they are a number and a boolean. This format writes what YAML 1.1
// reads back as written: such strings are quoted, dates stay plain (`date: 2025-04-02`), lists of
// identifiers stay on one line, and empty optional values are left out instead of written as "".
import { Document, isScalar, parseDocument, visit } from "./yaml/index.js";

// YAML 1.1 without its timestamp type: a date is read as the text the date widget edits, and written plain.
const YAML_OPTIONS = {
  version: "1.1",
  customTags: (tags) => tags.filter((tag) => tag.tag !== "tag:yaml.org,2002:timestamp"),
};
const OPENING = /^---[ \t]*\r?\n/;
const CLOSING = /^(?:---|\.\.\.)[ \t]*$/m;

function isEmpty(value) {
  return value === null || value === undefined || value === "" ||
    (Array.isArray(value) && value.length === 0) ||
    (typeof value === "object" && !Array.isArray(value) && Object.keys(value).length === 0);
}

// Drops empty values at every depth: an optional key the form left blank is absent from the file.
function withoutEmpty(value) {
  if (Array.isArray(value)) {
    return value.map(withoutEmpty).filter((item) => !isEmpty(item));
  }
  if (value !== null && typeof value === "object") {
    const kept = {};
    for (const [key, item] of Object.entries(value)) {
      const cleaned = withoutEmpty(item);
      if (!isEmpty(cleaned)) kept[key] = cleaned;
    }
    return kept;
  }
  return typeof value === "string" && value.trim() === "" ? "" : value;
}

function fromFile(content) {
  const opening = content.match(OPENING);
  if (!opening) return { body: content };
  const rest = content.slice(opening[0].length);
  const closing = rest.match(CLOSING);
  const header = closing ? rest.slice(0, closing.index) : rest;
  let body = closing ? rest.slice(closing.index + closing[0].length) : "";
  body = body.replace(/^\r?\n/, "");
  const doc = parseDocument(header, YAML_OPTIONS);
  if (doc.errors.length) {
    throw new Error(`En-tête YAML illisible : ${doc.errors.map((e) => e.message).join(" ; ")}`);
  }
  const data = doc.toJS() || {};
  return body.trim() ? { ...data, body } : data;
}

function toFile(data, sortedKeys = []) {
  const { body = "", ...meta } = data;
  const kept = withoutEmpty(meta);
  const order = (key) => (sortedKeys.includes(key) ? sortedKeys.indexOf(key) : sortedKeys.length);
  const ordered = Object.fromEntries(Object.entries(kept).sort(([a], [b]) => order(a) - order(b)));
  const doc = new Document(ordered, YAML_OPTIONS);
  visit(doc, {
    Seq(_, node) {
      if (node.items.length && node.items.every(isScalar)) node.flow = true;
    },
  });
  const header = Object.keys(ordered).length ? doc.toString({ lineWidth: 0, flowCollectionPadding: false }) : "";
  const text = body.endsWith("\n") || body === "" ? body : `${body}\n`;
  return `---\n${header}---\n${text}`;
}

window.CMS.registerCustomFormat("conseil-frontmatter", "md", { fromFile, toFile });
window.CMS.init();
