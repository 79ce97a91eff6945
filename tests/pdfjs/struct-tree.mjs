// Prints what pdf.js reads of a PDF's structure: for each page, the roles of its structure
// tree in depth-first order with the text each element holds, as JSON lines
// {"page": N, "role": "TD", "text": "…"}. Used by tests/tagged.rs.
//
// Usage: node struct-tree.mjs FILE.pdf
import { readFileSync } from "node:fs";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

const data = new Uint8Array(readFileSync(process.argv[2]));
const doc = await getDocument({ data, useSystemFonts: false, verbosity: 0 }).promise;
for (let n = 1; n <= doc.numPages; n++) {
  const page = await doc.getPage(n);
  const tree = await page.getStructTree();
  // Marked-content ids of the page → their text, from the page's text content.
  const content = await page.getTextContent({ includeMarkedContent: true });
  const text = new Map();
  let current = null;
  for (const item of content.items) {
    if (item.type === "beginMarkedContentProps") current = item.id;
    else if (item.type === "endMarkedContent") current = null;
    else if (item.str !== undefined && current) text.set(current, (text.get(current) || "") + item.str);
  }
  const walk = (node) => {
    if (node.type === "content") return text.get(node.id) || "";
    const inner = (node.children || []).map(walk).join(" ").replace(/\s+/g, " ").trim();
    if (node.role && node.role !== "Root") {
      console.log(JSON.stringify({ page: n, role: node.role, text: inner }));
    }
    return inner;
  };
  if (tree) walk(tree);
}
