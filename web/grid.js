// «План»: a roadmap appendix's table as a grid (Tabulator). Sections and activities are
// rows in reading order; rows can be added, moved and deleted, cells edited. The grid
// writes the table back into the document, sections nested as the rows say.
import { TabulatorFull as Tabulator } from "/static/tabulator/tabulator.min.mjs";

let table = null;
let rows = []; // {kind: "section"|"activity", depth, data}
let current = null; // {doc, index, changed}

/// Text a cell value shows: strings as they are, structured values in words.
function shown(v) {
  if (v == null) return "";
  if (typeof v === "string") return v;
  if (Array.isArray(v)) return v.map(shown).join("\n");
  if (v.span) return `${shown(v.span.value)}  [объединено: ${v.span.rows || 1}×${v.span.columns || 1}]`;
  if (v.deadline) return deadline(v.deadline);
  if (v.list) return v.list.items.map((i) => `– ${i}`).join("\n");
  if (v.people) return v.people.map(shown).join("\n");
  if (v.surname) return [v.name, v.patronymic, v.surname].filter(Boolean).join(" ");
  return deadline(v);
}

const MONTHS = ["январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь"];

function deadline(d) {
  if (typeof d === "string") return d;
  // «2024-09-02» → «02.09.2024»; «2024-09» → «сентябрь 2024 г.»
  const iso = (s) => (s.length === 10 ? s.split("-").reverse().join(".") : `${MONTHS[+s.slice(5, 7) - 1]} ${s.slice(0, 4)} г.`);
  if (d.date) return iso(d.date);
  if (d.month) return iso(d.month);
  if (d.until) return `До ${iso(d.until)}`;
  if (d.as_of) return `на ${iso(d.as_of)}`;
  if (d.range) return `${iso(d.range.from)} – ${iso(d.range.to)}`;
  if (d.yearly) return "Ежегодно";
  if (d.quarterly) return "Ежеквартально";
  if (d.monthly) return "Ежемесячно";
  if (d.several) return d.several.items.map(deadline).join(", ");
  return JSON.stringify(d);
}

function flatten(t) {
  const out = [];
  const walk = (node, depth) => {
    for (const a of node.items || []) out.push({ kind: "activity", depth, data: a });
    for (const s of node.sections || []) {
      out.push({ kind: "section", depth: depth + 1, data: s });
      walk(s, depth + 1);
    }
  };
  walk(t, 0);
  return out;
}

function unflatten(list) {
  const root = { items: [], sections: [] };
  const stack = [root];
  for (const r of list) {
    if (r.kind === "section") {
      const { items, sections, ...rest } = r.data;
      const s = { ...rest, items: [], sections: [] };
      while (stack.length > Math.max(1, r.depth)) stack.pop();
      stack[stack.length - 1].sections.push(s);
      stack.push(s);
    } else {
      stack[stack.length - 1].items.push(r.data);
    }
  }
  const clean = (n) => {
    if (!n.items.length) delete n.items;
    if (!n.sections.length) delete n.sections;
    else n.sections.forEach(clean);
  };
  clean(root);
  return root;
}

/// The roadmap appendices of a document: [index, title].
export function plans(doc) {
  return (doc && Array.isArray(doc.appendices) ? doc.appendices : [])
    .map((a, i) => [i, a])
    .filter(([, a]) => a && a.kind === "roadmap" && a.table)
    .map(([i, a]) => [i, (a.title || `Приложение ${i + 1}`).split("\n")[0]]);
}

function activityKey(t) {
  const c = t.columns.find((c) => c.role === "activity") || t.columns.find((c) => c.role !== "number");
  return c ? c.key : null;
}

/// Shows appendix `index` of `doc`; `changed(doc)` after each edit.
export function buildGrid(el, doc, index, changed) {
  current = { doc, index, changed };
  const t = doc.appendices[index].table;
  rows = flatten(t);
  const key = activityKey(t);
  const columns = [
    { title: "", field: "_kind", width: 34, headerSort: false, formatter: (c) => (c.getValue() === "section" ? "§" : "") },
    ...t.columns
      .filter((c) => c.role !== "number")
      .map((c) => ({
        title: c.title.replace(/\n/g, " "),
        field: c.key,
        headerSort: false,
        formatter: "textarea",
        editor: "textarea",
        minWidth: 80,
        widthGrow: c.width || 1,
        editable: (cell) => cell.getRow().getData()._kind !== "section" || c.key === key,
        cellEdited: (cell) => edit(cell, c.key, key),
      })),
  ];
  const data = rows.map((r, i) => {
    const d = { _i: i, _kind: r.kind };
    if (r.kind === "section") d[key] = `${"  ".repeat(r.depth - 1)}${r.data.title}`;
    else for (const c of t.columns) d[c.key] = shown(r.data.values ? r.data.values[c.key] : undefined);
    return d;
  });
  if (table) table.destroy();
  table = new Tabulator(el, {
    data,
    columns,
    layout: "fitColumns",
    index: "_i",
    height: "100%",
    selectableRows: 1,
    rowFormatter: (row) => {
      if (row.getData()._kind === "section") row.getElement().classList.add("section-row");
      for (const cell of row.getCells()) {
        const v = rows[row.getData()._i]?.data?.values?.[cell.getField()];
        if (v && typeof v === "object") cell.getElement().classList.add("structured");
      }
    },
  });
}

function edit(cell, field, key) {
  const r = rows[cell.getRow().getData()._i];
  const text = cell.getValue() || "";
  if (r.kind === "section") r.data.title = text.trim();
  else {
    r.data.values = r.data.values || {};
    if (text.trim()) r.data.values[field] = text.trim();
    else delete r.data.values[field];
  }
  commit();
}

function commit() {
  const { doc, index, changed } = current;
  const t = doc.appendices[index].table;
  const tree = unflatten(rows);
  delete t.items;
  delete t.sections;
  Object.assign(t, tree);
  changed(doc, true);
}

function selected() {
  const s = table ? table.getSelectedRows()[0] : null;
  return s ? s.getData()._i : rows.length - 1;
}

/// Adds an activity after the selected row (as the first of a selected section).
export function addRow() {
  const t = current.doc.appendices[current.index].table;
  const at = selected();
  const depth = at < 0 ? 0 : rows[at].depth;
  rows.splice(at + 1, 0, { kind: "activity", depth, data: { values: { [activityKey(t)]: "Новое мероприятие" } } });
  commit();
}

/// Adds a section after the selected row, at the selected row's level.
export function addSection() {
  const at = selected();
  const depth = at < 0 ? 1 : Math.max(1, rows[at].depth);
  rows.splice(at + 1, 0, { kind: "section", depth, data: { title: "Новый раздел" } });
  rows.splice(at + 2, 0, { kind: "activity", depth, data: { values: { [activityKey(current.doc.appendices[current.index].table)]: "Новое мероприятие" } } });
  commit();
}

/// Moves the selected row up or down by one.
export function moveRow(by) {
  const at = selected();
  const to = at + by;
  if (at < 0 || to < 0 || to >= rows.length) return;
  [rows[at], rows[to]] = [rows[to], rows[at]];
  commit();
}

/// Deletes the selected row (a section takes its rows along only if it has none left).
export function deleteRow() {
  const at = selected();
  if (at < 0) return;
  rows.splice(at, 1);
  commit();
}
