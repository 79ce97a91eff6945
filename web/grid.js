// «План»: a roadmap appendix's table as a small spreadsheet of our own, behaving the way an
// Excel user expects: select a cell and type, Tab / Enter move on, Alt+Enter breaks a line,
// a block copied from Excel, Calc or Word pastes across cells, Ctrl+C copies out.
// Sections and activities are rows in reading order (sections grey, their title in the
// activity column); the number column is computed, so not shown. The grid writes the table
// back into the document, sections nested as the rows say. Structured values (deadlines,
// people, lists, merged cells) stay data: they are shown in words and edited so that their
// structure survives (a deadline has its own small editor, so `prikaz roll` can move it).
//
// One textarea (and one deadline form) floats over the cell being edited; between edits the
// scrolling box itself holds the keyboard focus, so Ctrl+Z / Ctrl+Y reach the page's own
// document history, and copy / paste events reach the grid.

// ---------------------------------------------------------------- values as words

const MONTHS = ["январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь"];
const MONTHS_GEN = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"];
const SPEC_KEYS = ["date", "month", "range", "until", "as_of", "yearly", "quarterly", "monthly", "several"];

const pad = (n) => String(n).padStart(2, "0");
const cap = (s) => s.charAt(0).toUpperCase() + s.slice(1);
const decap = (s) => s.charAt(0).toLowerCase() + s.slice(1);
const isMonth = (s) => /^\d{4}-\d\d$/.test(s);
const isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);

/// A date as the data may write it («2024-09-02» or «02.09.2024») in ISO form.
function iso(s) {
  const m = /^(\d\d)\.(\d\d)\.(\d{4})$/.exec(s);
  return m ? `${m[3]}-${m[2]}-${m[1]}` : s;
}

function day(s) {
  const m = /^(\d{4})-(\d\d)-(\d\d)$/.exec(iso(String(s)));
  return m ? `${m[3]}.${m[2]}.${m[1]}` : String(s);
}

const monthYear = (s) => `${MONTHS[+s.slice(5, 7) - 1]} ${s.slice(0, 4)} г.`;
const when = (s) => (isMonth(s) ? monthYear(s) : day(s));

// The words below mirror src/ru/deadline.rs (dates as digits), so the grid reads as the print.
function range(a, b) {
  if (isMonth(a) && isMonth(b) && a.slice(0, 4) === b.slice(0, 4)) {
    return `${MONTHS[+a.slice(5) - 1]}–${MONTHS[+b.slice(5) - 1]} ${b.slice(0, 4)} г.`;
  }
  if (!isMonth(a) && !isMonth(b)) return `${day(a)}–${day(b)}`;
  return `${when(a)} – ${when(b)}`;
}

function recurring(word, r) {
  let s = word;
  if (r && r.month >= 1 && r.month <= 12) s += `, ${MONTHS[r.month - 1]}`;
  if (r && r.note) s += ` ${r.note}`;
  return s;
}

function deadlineText(d) {
  if (typeof d === "string") return d;
  if (!isObject(d)) return "";
  if (d.date) return day(d.date);
  if (d.month) return cap(monthYear(d.month));
  if (d.range) return cap(range(d.range.from, d.range.to));
  if (d.until) return `До ${isMonth(d.until) ? `${MONTHS_GEN[+d.until.slice(5) - 1]} ${d.until.slice(0, 4)} г.` : day(d.until)}`;
  if (d.as_of) return `на ${when(d.as_of)}`;
  if (d.yearly) return recurring("Ежегодно", d.yearly);
  if (d.quarterly) return recurring("Ежеквартально", d.quarterly);
  if (d.monthly) return recurring("Ежемесячно", d.monthly);
  if (d.several) {
    const join = d.several.join || "lines";
    const parts = (d.several.items || []).map((x, i) => {
      const t = deadlineText(x);
      return i > 0 && join !== "lines" && typeof x !== "string" ? decap(t) : t;
    });
    return parts.join(join === "comma" ? ", " : join === "space" ? " " : "\n");
  }
  return JSON.stringify(d);
}

/// The deadline a cell value holds ({"deadline": …} or the short {"month": …}), else undefined.
function deadlineOf(v) {
  if (!isObject(v)) return undefined;
  if ("deadline" in v) return v.deadline;
  if (SPEC_KEYS.some((k) => k in v)) return v;
  return undefined;
}

const MARKS = { dash: () => "– ", bullet: () => "• ", numbered: (i) => `${i + 1}) `, numbered_dot: (i) => `${i + 1}. ` };

function listText(l) {
  const mark = MARKS[l.marker] || MARKS.dash;
  return (l.items || []).map((it, i) => mark(i) + (typeof it === "string" ? it : shown(it))).join("\n");
}

function personText(p) {
  if (typeof p === "string") return p;
  if (!isObject(p)) return String(p);
  const name = [p.surname, p.name, p.patronymic].filter(Boolean).join(" ");
  return p.position ? `${name}, ${p.position}` : name;
}

/// The text a cell value shows (and is edited as).
function shown(v) {
  if (v == null) return "";
  if (typeof v === "string") return v;
  if (typeof v !== "object") return String(v);
  if (Array.isArray(v)) return v.map((b) => (typeof b === "string" ? b : b && b.list ? listText(b.list) : shown(b))).join("\n");
  if (v.span) return shown(v.span.value);
  const d = deadlineOf(v);
  if (d !== undefined) return deadlineText(d);
  if (v.list) return listText(v.list);
  if (v.people) return v.people.map(personText).join("\n");
  return JSON.stringify(v);
}

// ---------------------------------------------------------------- words as values

function validDay(y, m, d) {
  const t = new Date(Date.UTC(+y, +m - 1, +d));
  return t.getUTCFullYear() === +y && t.getUTCMonth() === +m - 1 && t.getUTCDate() === +d ? `${y}-${pad(m)}-${pad(d)}` : null;
}
const validMonth = (y, m) => (+m >= 1 && +m <= 12 ? `${y}-${pad(m)}` : null);
const monthIn = (word, list) => list.indexOf(word.toLowerCase()) + 1;

/// One moment in words or digits: «15.10.2024», «15 октября 2024 г.», «10.2024», «октябрь 2024».
function parseWhen(text) {
  const s = text.trim().replace(/\s*(г\.?|года?)$/i, "").trim();
  let m;
  if ((m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s))) return validDay(m[3], m[2], m[1]);
  if ((m = /^(\d{4})-(\d\d)-(\d\d)$/.exec(s))) return validDay(m[1], m[2], m[3]);
  if ((m = /^(\d{1,2})\s+([а-яё]+)\s+(\d{4})$/i.exec(s)) && monthIn(m[2], MONTHS_GEN)) return validDay(m[3], monthIn(m[2], MONTHS_GEN), m[1]);
  if ((m = /^(\d{1,2})\.(\d{4})$/.exec(s))) return validMonth(m[2], m[1]);
  if ((m = /^(\d{4})-(\d\d)$/.exec(s))) return validMonth(m[1], m[2]);
  if ((m = /^([а-яё]+)\s+(\d{4})$/i.exec(s))) {
    const mo = monthIn(m[1], MONTHS) || monthIn(m[1], MONTHS_GEN);
    if (mo) return validMonth(m[2], mo);
  }
  return null;
}

/// A deadline typed as words («сентябрь 2024», «до 15.10.2024», «ежегодно, май»), or null
/// when the text is not one (it then stays text).
function parseDeadline(text) {
  const s = text.replace(/\s+/g, " ").trim();
  let m;
  if ((m = /^(ежегодно|ежеквартально|ежемесячно)(?:,\s*([а-яё]+))?$/i.exec(s))) {
    const key = { ежегодно: "yearly", ежеквартально: "quarterly", ежемесячно: "monthly" }[m[1].toLowerCase()];
    if (!m[2]) return { [key]: {} };
    const mo = monthIn(m[2], MONTHS);
    return key === "yearly" && mo ? { yearly: { month: mo } } : null;
  }
  if ((m = /^до (.+)$/i.exec(s))) return (m = parseWhen(m[1])) ? { until: m } : null;
  if ((m = /^на (.+)$/i.exec(s))) return (m = parseWhen(m[1])) ? { as_of: m } : null;
  const pair = (a, b) => {
    const from = parseWhen(a), to = parseWhen(b);
    return from && to ? { range: { from, to } } : null;
  };
  if ((m = /^с (.+) по (.+)$/i.exec(s))) return pair(m[1], m[2]);
  // «Сентябрь–октябрь 2023 г.»: the year once, after the second month.
  if ((m = /^([а-яё]+)\s*[–—-]\s*([а-яё]+) (\d{4})(?: ?г\.?)?$/i.exec(s)) && monthIn(m[1], MONTHS) && monthIn(m[2], MONTHS)) {
    return { range: { from: `${m[3]}-${pad(monthIn(m[1], MONTHS))}`, to: `${m[3]}-${pad(monthIn(m[2], MONTHS))}` } };
  }
  // A dash between two moments; a hyphen only with spaces (ISO dates have hyphens) or between dd.mm.yyyy.
  const parts = s.split(/\s*[–—]\s*|\s+-\s+|(?<=\d{4})-(?=\d\d?\.)/);
  if (parts.length === 2) return pair(parts[0], parts[1]);
  const w = parseWhen(s);
  return w ? (isMonth(w) ? { month: w } : { date: w }) : null;
}

/// One line of a deadline cell: a deadline, several by commas («на 15.12.2020,
/// ежеквартально»), or one followed by words («До 15.01.2022 с последующим ежегодным
/// обновлением») — each prints as typed and keeps its dates movable. Null when none.
function lineDeadline(line) {
  const whole = parseDeadline(line);
  if (whole) return whole;
  const parts = line.split(/,\s*/);
  if (parts.length > 1) {
    const items = parts.map(parseDeadline);
    if (items.every(Boolean)) return { several: { items, join: "comma" } };
  }
  const words = line.replace(/\s+/g, " ").trim().split(" ");
  for (let k = words.length - 1; k > 0; k--) {
    const head = parseDeadline(words.slice(0, k).join(" "));
    if (head) return { several: { items: [head, words.slice(k).join(" ")], join: "space" } };
  }
  return null;
}

function deadlineFromText(text) {
  const lines = text.split("\n").map((l) => l.trim()).filter(Boolean);
  if (lines.length > 1) {
    const items = lines.map((l) => lineDeadline(l) || l);
    if (items.some((x) => typeof x !== "string")) return { deadline: { several: { items, join: "lines" } } };
  }
  return { deadline: (lines.length === 1 && lineDeadline(lines[0])) || text };
}

const MARK_RES = [[/^[–-]\s+/, "dash"], [/^•\s*/, "bullet"], [/^\d+\)\s+/, "numbered"], [/^\d+\.\s+/, "numbered_dot"]];

/// Paragraphs and lists back from their lines: a run of «– …» lines is a list.
function blocksFromText(text) {
  const out = [];
  let list = null;
  for (const line of text.split("\n").map((l) => l.trim()).filter(Boolean)) {
    const mark = MARK_RES.find(([re]) => re.test(line));
    if (!mark) {
      list = null;
      out.push(line);
      continue;
    }
    if (!list || list.marker !== mark[1]) out.push({ list: (list = { marker: mark[1], items: [] }) });
    list.items.push(line.replace(mark[0], ""));
  }
  return out;
}

/// The value typed text becomes in place of `old`: the structure `old` had is kept where the
/// text can say it (a deadline, people one per line, paragraphs and «– » lists, a merged cell).
function fromText(text, old, col) {
  if (isObject(old) && old.span) return { span: { ...old.span, value: fromText(text, old.span.value, col) } };
  const d = deadlineOf(old);
  if (d !== undefined || (col.role === "deadline" && (old == null || typeof old === "string"))) {
    const v = deadlineFromText(text);
    // A plain text stays plain when nothing in it reads as a deadline.
    return typeof old === "string" && typeof v.deadline === "string" ? text : v;
  }
  if (Array.isArray(old) || (isObject(old) && old.list)) {
    const blocks = blocksFromText(text);
    if (blocks.length === 1 && typeof blocks[0] === "string") return blocks[0];
    if (blocks.length === 1 && !Array.isArray(old)) return blocks[0];
    return blocks;
  }
  if (isObject(old) && Array.isArray(old.people)) {
    // An unchanged line keeps its person as written (by parts, with cases).
    const lines = text.split("\n").map((l) => l.trim()).filter(Boolean);
    return { people: lines.map((l) => old.people.find((p) => personText(p) === l) ?? l) };
  }
  return text;
}

/// What the cell's tooltip says about a value and how it is edited.
function hint(v, col) {
  if (isObject(v) && v.span) {
    const s = v.span;
    const size = [s.rows > 1 ? `строк: ${s.rows}` : "", s.columns > 1 ? `столбцов: ${s.columns}` : ""].filter(Boolean).join(", ");
    return `Объединённая ячейка (${size || "1×1"}). Правка меняет её текст, объединение остаётся; размер объединения задают на вкладке JSON.` +
      (deadlineOf(s.value) !== undefined ? " Внутри — срок: F2 или Enter открывает выбор срока." : "");
  }
  if (deadlineOf(v) !== undefined && isObject(deadlineOf(v)) && deadlineOf(v).several) {
    return "Несколько сроков. F2 или Enter — выбрать другой вид срока; напечатанные строки («сентябрь 2024», «до 15.10.2024») станут сроками по строкам.";
  }
  if (deadlineOf(v) !== undefined || col.role === "deadline") {
    return "Срок. F2, Enter или двойной щелчок — выбрать вид срока (месяц, до даты, период…). Можно и напечатать: «сентябрь 2024», «до 15.10.2024», «ежегодно» — станет сроком, иначе останется текстом.";
  }
  if (Array.isArray(v) || (isObject(v) && v.list)) return "Абзацы и списки: каждая строка — абзац, строки на «– » — пункты списка.";
  if (isObject(v) && Array.isArray(v.people)) {
    return v.people.some(isObject)
      ? "Люди, по одному на строку. Лица, заданные по частям имени, остаются такими, пока их строку не изменят; изменённая строка станет записью текстом."
      : "Люди, по одному на строку.";
  }
  if (isObject(v)) return "Значение особого вида: правка текстом сделает его обычным текстом.";
  return "";
}

// ---------------------------------------------------------------- rows ↔ table

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

// An activity belongs to the section row above it; a section nests by its depth.
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

// ---------------------------------------------------------------- state

let ui = null; // the lasting elements: {el, scroll, editor, popup, note, table, body}
let doc = null, index = -1, changed = null, table = null;
let cols = []; // the shown columns
let rows = []; // {kind, depth, data}; row rows.length is the empty row that becomes a new activity
let act = 0; // the activity column (where section titles live)
let covered = new Set(); // "row:key" of cells under a merged cell
let sel = { r: 0, c: 0 };
let anchor = null; // the other corner of a selected range
let tabStart = null; // the column a run of Tabs began in: Enter goes back to it, as in Excel
let editing = null; // {r, c, kind: "text" | "deadline", before, state}
let hadFocus = false;
let dragging = false;
let painted = [];
let noteTimer = 0;

const esc = (s) => String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const clamp = (n, lo, hi) => Math.max(lo, Math.min(hi, n));

function cellEl(r, c) {
  const tr = ui && ui.body ? ui.body.rows[r] : null;
  return tr ? tr.cells[c + 1] : null;
}

function valueAt(r, c) {
  const row = rows[r];
  return row && row.kind === "activity" && row.data.values ? row.data.values[cols[c].key] : undefined;
}

/// Why a cell cannot be edited, or "" when it can.
function locked(r, c) {
  const row = rows[r];
  if (!row) return "";
  if (row.kind === "section") return c === act ? "" : `Строка раздела: правится только заголовок (столбец «${cols[act].title.replace(/\n/g, " ")}»).`;
  if (covered.has(`${r}:${cols[c].key}`)) return "Ячейка накрыта объединённой ячейкой; значение — в ней.";
  return "";
}

function textAt(r, c) {
  const row = rows[r];
  if (!row) return "";
  if (row.kind === "section") return c === act ? row.data.title || "" : "";
  return covered.has(`${r}:${cols[c].key}`) ? "" : shown(valueAt(r, c));
}

function isDeadlineCell(r, c) {
  const row = rows[r];
  if (row && row.kind === "section") return false;
  let v = valueAt(r, c);
  if (isObject(v) && v.span) v = v.span.value;
  return deadlineOf(v) !== undefined || (cols[c].role === "deadline" && (v == null || typeof v === "string"));
}

// ---------------------------------------------------------------- drawing

function plural(n, one, few, many) {
  const m10 = n % 10, m100 = n % 100;
  return `${n} ${m10 === 1 && m100 !== 11 ? one : m10 >= 2 && m10 <= 4 && (m100 < 12 || m100 > 14) ? few : many}`;
}

function cellParts(r, c) {
  const row = rows[r];
  if (!row) return { cls: "", title: "Новая строка: начните печатать, чтобы добавить мероприятие", html: "" };
  if (row.kind === "section") {
    if (c !== act) return { cls: "pg-off", title: locked(r, c), html: "" };
    return { cls: "pg-title", title: "Заголовок раздела", html: esc(row.data.title || ""), style: `padding-left:${0.4 + (row.depth - 1) * 1.2}em` };
  }
  const key = cols[c].key;
  if (covered.has(`${r}:${key}`)) return { cls: "pg-covered", title: locked(r, c), html: "" };
  const v = valueAt(r, c);
  let cls = "";
  let html = esc(shown(v));
  let core = v;
  if (isObject(v) && v.span) {
    core = v.span.value;
    const s = v.span;
    const size = [s.rows > 1 ? plural(s.rows, "строка", "строки", "строк") : "", s.columns > 1 ? plural(s.columns, "столбец", "столбца", "столбцов") : ""].filter(Boolean).join(", ");
    html += `<span class="pg-badge">[объединено${size ? `: ${size}` : ""}]</span>`;
    cls = "pg-span";
  }
  if (deadlineOf(core) !== undefined && typeof deadlineOf(core) !== "string") cls += " pg-deadline";
  return { cls, title: hint(v, cols[c]), html };
}

function cellHtml(r, c) {
  const p = cellParts(r, c);
  return `<td${p.cls ? ` class="${p.cls}"` : ""}${p.title ? ` title="${esc(p.title)}"` : ""}${p.style ? ` style="${p.style}"` : ""}>${p.html}</td>`;
}

function rowHtml(r) {
  const row = rows[r];
  const cls = !row ? "pg-new" : row.kind === "section" ? "pg-section" : "";
  const mark = !row ? "+" : row.kind === "section" ? "§" : "";
  let h = `<tr${cls ? ` class="${cls}"` : ""}><td class="pg-g">${mark}</td>`;
  for (let c = 0; c < cols.length; c++) h += cellHtml(r, c);
  return h + "</tr>";
}

// Cells under merged cells, per run of a section's own activities (spans stay inside a run).
function findCovered() {
  covered = new Set();
  const all = table.columns.map((c) => c.key);
  let start = 0;
  for (let r = 0; r <= rows.length; r++) {
    if (r < rows.length && rows[r].kind === "activity") continue;
    for (let i = start; i < r; i++) {
      for (const [key, v] of Object.entries(rows[i].data.values || {})) {
        if (!isObject(v) || !v.span) continue;
        const c0 = all.indexOf(key);
        for (let rr = i; rr < Math.min(r, i + (v.span.rows || 1)); rr++) {
          for (let cc = c0; cc < Math.min(all.length, c0 + (v.span.columns || 1)); cc++) {
            if (rr !== i || cc !== c0) covered.add(`${rr}:${all[cc]}`);
          }
        }
      }
    }
    start = r + 1;
  }
}

function render() {
  const started = performance.now();
  findCovered();
  const weights = cols.map((c) => (c.width > 0 ? c.width : 1));
  const total = weights.reduce((a, b) => a + b, 0);
  // Narrow columns still get room for a date; a wide table scrolls sideways.
  const shares = weights.map((w) => Math.max(w, (total / cols.length) * 0.8));
  const sum = shares.reduce((a, b) => a + b, 0);
  let h = `<colgroup><col class="pg-gcol">${shares.map((w) => `<col style="width:${((w / sum) * 100).toFixed(2)}%">`).join("")}</colgroup>`;
  h += `<thead><tr><th class="pg-g"></th>${cols.map((c) => `<th title="${esc(c.title)}">${esc(c.title)}</th>`).join("")}</tr></thead><tbody>`;
  for (let r = 0; r <= rows.length; r++) h += rowHtml(r);
  const t = document.createElement("table");
  t.className = "pg";
  t.style.minWidth = `${2.2 + cols.length * 8}em`;
  t.innerHTML = h + "</tbody>";
  if (ui.table) ui.table.replaceWith(t);
  else ui.scroll.prepend(t);
  ui.table = t;
  ui.body = t.tBodies[0];
  painted = [];
  paint();
  if (editing) place();
  ui.el.dataset.buildMs = Math.round(performance.now() - started);
}

function redrawCell(r, c) {
  const td = cellEl(r, c);
  if (!td) return;
  const p = cellParts(r, c);
  td.className = p.cls;
  td.title = p.title;
  td.innerHTML = p.html;
  paint();
}

function bounds() {
  if (!anchor) return { r0: sel.r, r1: sel.r, c0: sel.c, c1: sel.c };
  return { r0: Math.min(anchor.r, sel.r), r1: Math.max(anchor.r, sel.r), c0: Math.min(anchor.c, sel.c), c1: Math.max(anchor.c, sel.c) };
}

function paint() {
  for (const td of painted) td.classList.remove("pg-sel", "pg-in", "pg-cur");
  painted = [];
  const mark = (td, cls) => {
    if (td) {
      td.classList.add(cls);
      painted.push(td);
    }
  };
  const { r0, r1, c0, c1 } = bounds();
  if (anchor) for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) mark(cellEl(r, c), "pg-in");
  for (let r = r0; r <= r1; r++) mark(ui.body.rows[r] && ui.body.rows[r].cells[0], "pg-cur");
  for (let c = c0; c <= c1; c++) mark(ui.table.tHead.rows[0].cells[c + 1], "pg-cur");
  mark(cellEl(sel.r, sel.c), "pg-sel");
  ui.scroll.dataset.sel = `${sel.r},${sel.c}`;
  ui.scroll.dataset.editing = editing ? editing.kind : "";
}

/// Scrolls the cell into view, clear of the sticky header and row marks.
function reveal(r, c) {
  const td = cellEl(r, c);
  if (!td) return;
  const s = ui.scroll;
  const head = ui.table.tHead.offsetHeight, gutter = ui.table.tHead.rows[0].cells[0].offsetWidth;
  const top = td.offsetTop, bottom = top + td.offsetHeight;
  if (top - head < s.scrollTop) s.scrollTop = top - head;
  else if (bottom > s.scrollTop + s.clientHeight) s.scrollTop = Math.min(top - head, bottom - s.clientHeight);
  const left = td.offsetLeft, right = left + td.offsetWidth;
  if (left - gutter < s.scrollLeft) s.scrollLeft = left - gutter;
  else if (right > s.scrollLeft + s.clientWidth) s.scrollLeft = Math.min(left - gutter, right - s.clientWidth);
}

function say(message) {
  ui.note.textContent = message;
  ui.note.hidden = false;
  clearTimeout(noteTimer);
  noteTimer = setTimeout(() => (ui.note.hidden = true), 4000);
}

// ---------------------------------------------------------------- moving about

function go(r, c, { extend = false, run = false } = {}) {
  r = clamp(r, 0, rows.length);
  c = clamp(c, 0, cols.length - 1);
  if (extend) anchor = anchor || { ...sel };
  else anchor = null;
  sel = { r, c };
  if (!run) tabStart = null;
  paint();
  reveal(r, c);
}

/// Tab / Shift+Tab: along the row, wrapping to the next or previous one.
function tab(dir) {
  if (tabStart === null) tabStart = sel.c;
  let { r, c } = sel;
  c += dir;
  if (c >= cols.length) {
    // Wrapped to the next row: that row's typing began in its first column.
    c = tabStart = 0;
    r = Math.min(r + 1, rows.length);
  } else if (c < 0) {
    if (r === 0) c = 0;
    else {
      c = cols.length - 1;
      r -= 1;
    }
  }
  go(r, c, { run: true });
}

/// Enter: down, back in the column the Tabs started from.
function down(dir) {
  const c = tabStart === null ? sel.c : tabStart;
  go(sel.r + dir, c);
}

function focusGrid() {
  ui.scroll.focus({ preventScroll: true });
}

// ---------------------------------------------------------------- writing values

function notify() {
  changed(doc, false);
}

/// Writes the rows back into the document's table, then reads them again (a section that
/// `unflatten` rebuilt must be the object the rows edit).
function writeBack() {
  const tree = unflatten(rows);
  delete table.items;
  delete table.sections;
  Object.assign(table, tree);
  rows = flatten(table);
}

// The values in column order, so the JSON reads like the table.
function ordered(values) {
  const out = {};
  for (const c of table.columns) if (c.key in values) out[c.key] = values[c.key];
  for (const k of Object.keys(values)) if (!(k in out)) out[k] = values[k];
  return out;
}

function newRow() {
  const last = rows[rows.length - 1];
  rows.push({ kind: "activity", depth: last ? last.depth : 0, data: { values: {} } });
}

/// Sets a cell from text. Returns "" (nothing changed), "cell" or "rows" (rows were added).
function setText(r, c, text) {
  text = text.replace(/\r\n?/g, "\n").trim();
  if (r >= rows.length) {
    if (!text) return "";
    newRow();
    setText(rows.length - 1, c, text);
    return "rows";
  }
  const row = rows[r];
  if (locked(r, c)) return "";
  if (row.kind === "section") {
    if (!text || text === row.data.title) {
      if (!text) say("У раздела должен быть заголовок; раздел удаляют кнопкой «Удалить строку».");
      return "";
    }
    row.data.title = text;
    return "cell";
  }
  const values = row.data.values || {};
  const key = cols[c].key;
  const old = values[key];
  if (text === shown(old)) return ""; // unchanged: the value keeps its structure as is
  if (text) values[key] = fromText(text, old, cols[c]);
  else delete values[key];
  row.data.values = ordered(values);
  return "cell";
}

/// Sets a cell to a value (from the deadline form); undefined clears it.
function setValue(r, c, value) {
  if (r >= rows.length) {
    if (value === undefined) return "";
    newRow();
    setValue(rows.length - 1, c, value);
    return "rows";
  }
  const row = rows[r];
  const values = row.data.values || {};
  const key = cols[c].key;
  const old = values[key];
  if (isObject(old) && old.span && value !== undefined) value = { span: { ...old.span, value } };
  if (value === undefined) delete values[key];
  else values[key] = value;
  row.data.values = ordered(values);
  return "cell";
}

// Shows a change and reports it; a merged cell (before or after) changes what it covers.
function after(result, r, c, wasSpan) {
  if (!result) return;
  if (result === "rows") writeBack();
  const v = valueAt(r, c);
  if (result === "rows" || wasSpan || (isObject(v) && v.span)) render();
  else redrawCell(r, c);
  notify();
}

const spanAt = (r, c) => {
  const v = valueAt(r, c);
  return isObject(v) && !!v.span;
};

// ---------------------------------------------------------------- the text editor

function place() {
  const td = cellEl(editing.r, editing.c);
  if (!td) return;
  const box = editing.kind === "text" ? ui.editor : ui.popup;
  if (editing.kind === "text") {
    box.style.left = `${td.offsetLeft}px`;
    box.style.top = `${td.offsetTop}px`;
    box.style.width = `${Math.max(td.offsetWidth, 120)}px`;
    grow(td.offsetHeight);
  } else {
    const s = ui.scroll;
    const below = td.offsetTop + td.offsetHeight;
    const h = box.offsetHeight;
    box.style.top = `${below + h > s.scrollTop + s.clientHeight && td.offsetTop - h > s.scrollTop ? td.offsetTop - h : below}px`;
    box.style.left = `${Math.max(0, Math.min(td.offsetLeft, s.scrollLeft + s.clientWidth - box.offsetWidth - 4))}px`;
  }
}

function grow(min) {
  const ed = ui.editor;
  const td = editing && cellEl(editing.r, editing.c);
  ed.style.height = "0";
  ed.style.height = `${Math.max(min || (td ? td.offsetHeight : 0), ed.scrollHeight + 4)}px`;
}

/// Starts editing the selected cell: "keep" its text (F2, Enter, double click; a deadline
/// opens its form), "text" (keep, and a deadline as words too) or "replace" it with what is typed.
function edit(mode, typed = "") {
  const { r, c } = sel;
  const why = locked(r, c);
  if (why) {
    say(why);
    return false;
  }
  anchor = null;
  reveal(r, c);
  if (mode === "keep" && isDeadlineCell(r, c)) return openDeadline(r, c);
  const before = textAt(r, c);
  editing = { r, c, kind: "text", before };
  const ed = ui.editor;
  ed.value = mode === "replace" ? typed : before;
  ed.hidden = false;
  place();
  ed.focus({ preventScroll: true });
  ed.setSelectionRange(ed.value.length, ed.value.length);
  paint();
  return true;
}

/// Ends the edit keeping what was typed (or chosen); false if the form still has a mistake.
function commit() {
  const e = editing;
  if (!e) return true;
  const wasSpan = spanAt(e.r, e.c);
  let result;
  if (e.kind === "deadline") {
    const out = formValue(e.state);
    if (out.error) {
      ui.popup.querySelector(".pg-error").textContent = out.error;
      return false;
    }
    const now = out.value === undefined ? undefined : out.value;
    const old = valueAt(e.r, e.c);
    const core = isObject(old) && old.span ? old.span.value : old;
    const same = JSON.stringify(canonical(core)) === JSON.stringify(canonical(now));
    close();
    result = same ? "" : setValue(e.r, e.c, now);
  } else {
    const text = ui.editor.value;
    close();
    result = text.replace(/\r\n?/g, "\n").trim() === e.before ? "" : setText(e.r, e.c, text);
  }
  after(result, e.r, e.c, wasSpan);
  return true;
}

function cancel() {
  close();
}

// Hides the editors; the keyboard stays with the grid.
function close() {
  const inside = ui.scroll.contains(document.activeElement);
  editing = null;
  if (inside) focusGrid();
  ui.editor.hidden = true;
  ui.popup.hidden = true;
  paint();
}

function insertText(s) {
  const ed = ui.editor;
  // execCommand keeps the textarea's own undo; setRangeText where it is missing.
  if (!document.execCommand || !document.execCommand("insertText", false, s)) {
    ed.setRangeText(s, ed.selectionStart, ed.selectionEnd, "end");
  }
  grow();
}

const isUndoKey = (e) => (e.ctrlKey || e.metaKey) && (e.code === "KeyZ" || e.code === "KeyY" || /^[zyян]$/i.test(e.key));

function editorKey(e) {
  const ctrl = e.ctrlKey || e.metaKey;
  if (e.key === "Tab") {
    e.preventDefault();
    commit();
    tab(e.shiftKey ? -1 : 1);
  } else if (e.key === "Enter") {
    if (e.altKey || e.shiftKey) {
      // A line break inside the cell (Alt+Enter as in Excel).
      e.preventDefault();
      insertText("\n");
    } else {
      e.preventDefault();
      commit();
      if (!ctrl) down(1);
    }
  } else if (e.key === "Escape") {
    e.preventDefault();
    cancel();
  } else if (isUndoKey(e)) {
    e.stopPropagation(); // the textarea's own undo; the document's history must not step
  } else if (ctrl && (e.code === "KeyS" || e.key === "s")) {
    commit(); // then the page saves what was typed
  }
}

// ---------------------------------------------------------------- the deadline form

const KINDS = [
  ["month", "месяц"],
  ["until", "до даты"],
  ["date", "дата"],
  ["range", "период с – по"],
  ["as_of", "на дату"],
  ["yearly", "ежегодно"],
  ["quarterly", "ежеквартально"],
  ["monthly", "ежемесячно"],
  ["text", "свой текст"],
];

function canonical(v) {
  if (v === undefined || v === null) return null;
  const d = deadlineOf(v);
  return d === undefined ? v : { deadline: d };
}

function formState(v) {
  const d = deadlineOf(v);
  // pa, pb: whether the moments a and b are a day or a month.
  const st = { kind: "month", a: "", b: "", pa: "month", pb: "month", month: "", note: "", text: shown(v), plain: typeof v === "string", several: null };
  if (d === undefined) {
    if (typeof v === "string" && v) st.kind = "text";
    return st;
  }
  if (typeof d === "string") return { ...st, kind: "text", text: d };
  const key = SPEC_KEYS.find((k) => k in d);
  st.kind = key;
  if (key === "date" || key === "month" || key === "until" || key === "as_of") st.a = iso(d[key]);
  if (key === "range") [st.a, st.b] = [iso(d.range.from || ""), iso(d.range.to || "")];
  if (st.a) st.pa = st.pb = isMonth(st.a) ? "month" : "day";
  if (st.b) st.pb = isMonth(st.b) ? "month" : "day";
  if (key === "yearly" || key === "quarterly" || key === "monthly") {
    st.month = d[key] && d[key].month ? String(d[key].month) : "";
    st.note = (d[key] && d[key].note) || "";
  }
  if (key === "several") st.several = d;
  return st;
}

/// The form's value: {value} (undefined clears the cell) or {error}.
function formValue(st) {
  const okWhen = (s) => /^\d{4}-\d\d(-\d\d)?$/.test(s);
  const wrap = (spec) => ({ value: { deadline: spec } });
  switch (st.kind) {
    case "month":
      return isMonth(st.a) ? wrap({ month: st.a }) : { error: "Укажите месяц." };
    case "date":
      return okWhen(st.a) && !isMonth(st.a) ? wrap({ date: st.a }) : { error: "Укажите дату." };
    case "until":
    case "as_of":
      return okWhen(st.a) ? wrap({ [st.kind]: st.a }) : { error: "Укажите дату или месяц." };
    case "range":
      if (!okWhen(st.a) || !okWhen(st.b)) return { error: "Укажите начало и окончание." };
      if (st.a.slice(0, 7) > st.b.slice(0, 7) || (st.a > st.b && st.a.length === st.b.length)) return { error: "Начало позже окончания." };
      return wrap({ range: { from: st.a, to: st.b } });
    case "yearly":
    case "quarterly":
    case "monthly": {
      const r = {};
      if (st.kind === "yearly" && st.month) r.month = +st.month;
      if (st.note.trim()) r.note = st.note.trim();
      return wrap({ [st.kind]: r });
    }
    case "several":
      return wrap(st.several);
    default: {
      const t = st.text.trim();
      if (!t) return { value: undefined };
      return st.plain ? { value: t } : wrap(t);
    }
  }
}

function whenInput(st, field, label) {
  const value = st[field];
  const month = st[`p${field}`] === "month";
  return `<span class="pg-when"><select data-p="${field}" aria-label="${label}: число или месяц">` +
    `<option value="day"${month ? "" : " selected"}>число</option><option value="month"${month ? " selected" : ""}>месяц</option></select>` +
    `<input data-f="${field}" type="${month ? "month" : "date"}" value="${esc(value)}" aria-label="${label}"></span>`;
}

function formHtml(st) {
  const kinds = [...KINDS, ...(st.several ? [["several", "несколько сроков"]] : [])];
  let h = `<label>Вид срока <select data-f="kind">${kinds.map(([k, t]) => `<option value="${k}"${k === st.kind ? " selected" : ""}>${t}</option>`).join("")}</select></label>`;
  switch (st.kind) {
    case "month":
      h += `<label>Месяц <input data-f="a" type="month" value="${esc(isMonth(st.a) ? st.a : st.a.slice(0, 7))}"></label>`;
      break;
    case "date":
      h += `<label>Дата <input data-f="a" type="date" value="${esc(isMonth(st.a) ? "" : st.a)}"></label>`;
      break;
    case "until":
    case "as_of":
      h += `<div class="pg-line">${st.kind === "until" ? "До" : "На"} ${whenInput(st, "a", "Дата")}</div>`;
      break;
    case "range":
      h += `<div class="pg-line">с ${whenInput(st, "a", "Начало")}</div><div class="pg-line">по ${whenInput(st, "b", "Окончание")}</div>`;
      break;
    case "yearly":
      h += `<label>Месяц <select data-f="month"><option value="">— без месяца —</option>${MONTHS.map((m, i) => `<option value="${i + 1}"${String(i + 1) === st.month ? " selected" : ""}>${m}</option>`).join("")}</select></label>`;
    // falls through: a recurring deadline may have a note
    case "quarterly":
    case "monthly":
      h += `<label>Пояснение после слова <input data-f="note" type="text" value="${esc(st.note)}" placeholder="необязательно"></label>`;
      break;
    case "several":
      h += `<p class="pg-help">Несколько сроков в одной ячейке: правьте их текстом, по сроку на строку («сентябрь 2024», «до 15.10.2024»), или выберите другой вид, чтобы заменить.</p>`;
      break;
    default:
      h += `<label>Текст срока <input data-f="text" type="text" value="${esc(st.text)}"></label>`;
  }
  h += `<div class="pg-preview"></div><div class="pg-error" role="alert"></div>`;
  h += `<div class="pg-buttons"><button type="button" data-act="text" title="Срок текстом: «сентябрь 2024», «до 15.10.2024»; что читается как срок, им и станет">Текстом</button>` +
    `<span class="pg-gap"></span><button type="button" data-act="ok">Готово</button><button type="button" data-act="cancel">Отмена</button></div>`;
  return h;
}

function drawForm() {
  const st = editing.state;
  ui.popup.innerHTML = formHtml(st);
  preview();
}

function preview() {
  const out = formValue(editing.state);
  const p = ui.popup.querySelector(".pg-preview");
  p.textContent = out.error ? "" : `В плане: ${out.value === undefined ? "пусто" : shown(out.value) || "пусто"}`;
  ui.popup.querySelector(".pg-error").textContent = "";
}

function openDeadline(r, c) {
  let v = valueAt(r, c);
  if (isObject(v) && v.span) v = v.span.value;
  editing = { r, c, kind: "deadline", state: formState(v) };
  drawForm();
  ui.popup.hidden = false;
  place();
  ui.popup.querySelector("[data-f=kind]").focus({ preventScroll: true });
  paint();
  return true;
}

function formInput(e) {
  const st = editing && editing.state;
  const t = e.target;
  // A select reports on "change", a text field on "input".
  if (!st || (e.type === "change") !== (t.tagName === "SELECT")) return;
  if (t.dataset.f === "kind") {
    // Carry the moment over where the new kind can hold it.
    const k = t.value;
    if (k === "month" && st.a) [st.a, st.pa] = [st.a.slice(0, 7), "month"];
    if (k === "date" && isMonth(st.a)) st.a = `${st.a}-01`;
    if (k === "date") st.pa = "day";
    if (k === "text" && !st.text) st.text = shown(formValue(st).value);
    st.kind = k;
    drawForm();
    place();
    ui.popup.querySelector("[data-f=kind]").focus({ preventScroll: true });
    return;
  }
  if (t.dataset.p) {
    // число ↔ месяц for one moment
    const f = t.dataset.p;
    st[`p${f}`] = t.value;
    st[f] = t.value === "month" ? st[f].slice(0, 7) : isMonth(st[f]) ? `${st[f]}-01` : st[f];
    const input = t.parentNode.querySelector("input");
    input.type = t.value === "month" ? "month" : "date";
    input.value = st[f];
  } else if (t.dataset.f) st[t.dataset.f] = t.value;
  preview();
}

function popupKey(e) {
  const f = [...ui.popup.querySelectorAll("select, input, button")];
  if (e.key === "Escape") {
    e.preventDefault();
    cancel();
  } else if (e.key === "Enter" && e.target.tagName !== "BUTTON") {
    e.preventDefault();
    if (commit()) down(1);
  } else if (e.key === "Tab" && e.target === (e.shiftKey ? f[0] : f[f.length - 1])) {
    // Past the form's last control the Tab goes on to the next cell.
    e.preventDefault();
    if (commit()) tab(e.shiftKey ? -1 : 1);
  } else if (isUndoKey(e)) {
    e.stopPropagation();
  }
}

// ---------------------------------------------------------------- the keyboard between edits

function gridKey(e) {
  const ctrl = e.ctrlKey || e.metaKey;
  const { r, c } = sel;
  const page = Math.max(1, Math.floor(ui.scroll.clientHeight / 40));
  const moves = {
    ArrowUp: () => go(ctrl ? 0 : r - 1, c, { extend: e.shiftKey }),
    ArrowDown: () => go(ctrl ? Math.max(0, rows.length - 1) : r + 1, c, { extend: e.shiftKey }),
    ArrowLeft: () => go(r, ctrl ? 0 : c - 1, { extend: e.shiftKey }),
    ArrowRight: () => go(r, ctrl ? cols.length - 1 : c + 1, { extend: e.shiftKey }),
    PageUp: () => go(r - page, c, { extend: e.shiftKey }),
    PageDown: () => go(r + page, c, { extend: e.shiftKey }),
    Home: () => go(ctrl ? 0 : r, 0, { extend: e.shiftKey }),
    End: () => go(ctrl ? Math.max(0, rows.length - 1) : r, cols.length - 1, { extend: e.shiftKey }),
  };
  if (moves[e.key] && !e.altKey) {
    e.preventDefault();
    moves[e.key]();
  } else if (e.key === "Tab" && !ctrl && !e.altKey) {
    e.preventDefault();
    tab(e.shiftKey ? -1 : 1);
  } else if (e.key === "Enter" && !ctrl && !e.altKey) {
    e.preventDefault();
    if (e.shiftKey) go(r - 1, c);
    else edit("keep");
  } else if (e.key === "F2") {
    e.preventDefault();
    edit("keep");
  } else if (e.key === "Delete" && !ctrl) {
    e.preventDefault();
    clearRange();
  } else if (e.key === "Backspace" && !ctrl) {
    e.preventDefault();
    edit("replace");
  } else if (e.key === "Escape") {
    if (anchor) {
      anchor = null;
      paint();
    }
  } else if (ctrl && !e.altKey && !e.shiftKey && (e.code === "KeyA" || e.key === "a")) {
    e.preventDefault();
    anchor = { r: 0, c: 0 };
    sel = { r: Math.max(0, rows.length - 1), c: cols.length - 1 };
    paint();
  } else if (e.key.length === 1 && !e.metaKey && (!e.ctrlKey || e.altKey) && !e.isComposing) {
    // A printable key (AltGr gives Ctrl+Alt): it starts the edit, replacing the content.
    e.preventDefault();
    edit("replace", e.key);
  } else if (e.key === "Process" || e.key === "Dead" || e.keyCode === 229) {
    // An input method or a dead key composes the character: let it land in the editor.
    edit("replace");
  }
  // Everything else (Ctrl+Z, Ctrl+Y, Ctrl+S…) goes on to the page.
}

/// Delete: empties the selected cells (a section keeps its title).
function clearRange() {
  const { r0, r1, c0, c1 } = bounds();
  let any = false;
  for (let r = r0; r <= Math.min(r1, rows.length - 1); r++) {
    for (let c = c0; c <= c1; c++) {
      if (rows[r].kind === "section" || locked(r, c) || valueAt(r, c) === undefined) continue;
      setValue(r, c, undefined);
      any = true;
    }
  }
  if (!any) {
    if (rows[r0] && rows[r0].kind === "section") say("Заголовок раздела не очищается: раздел удаляют кнопкой «Удалить строку».");
    return;
  }
  render();
  notify();
}

// ---------------------------------------------------------------- clipboard

/// Tab-separated text as Excel and Calc write it: a cell with a line break, tab or leading
/// quote is quoted, its quotes doubled. A quote that does not close before a tab or line end
/// was just a quote.
function parseTsv(s) {
  const out = [];
  let row = [];
  let i = 0;
  const n = s.length;
  for (;;) {
    let field = null;
    if (s[i] === '"') {
      let j = i + 1, text = "";
      while (j < n) {
        if (s[j] === '"') {
          if (s[j + 1] === '"') {
            text += '"';
            j += 2;
            continue;
          }
          if (j + 1 === n || "\t\r\n".includes(s[j + 1])) {
            field = text;
            i = j + 1;
          }
          break;
        }
        text += s[j++];
      }
    }
    if (field === null) {
      let j = i;
      while (j < n && s[j] !== "\t" && s[j] !== "\n" && s[j] !== "\r") j++;
      field = s.slice(i, j);
      i = j;
    }
    row.push(field);
    if (s[i] === "\t") {
      i++;
      continue;
    }
    out.push(row);
    row = [];
    if (s[i] === "\r") i++;
    if (s[i] === "\n") i++;
    if (i >= n) break;
  }
  return out;
}

/// The first table of an HTML clipboard (Word, a web page), cells as text with their lines.
function htmlGrid(html) {
  const t = new DOMParser().parseFromString(html, "text/html").querySelector("table");
  if (!t) return null;
  const text = (cell) => {
    const c = cell.cloneNode(true);
    const walker = document.createTreeWalker(c, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) n.data = n.data.replace(/[ \t\r\n]+/g, " ");
    for (const br of c.querySelectorAll("br")) br.replaceWith("\u0001");
    for (const b of c.querySelectorAll("p, div, li, h1, h2, h3, h4, h5, h6")) b.append("\u0001");
    return c.textContent.split("\u0001").map((l) => l.trim()).join("\n").trim();
  };
  return [...t.rows].map((tr) => [...tr.cells].flatMap((td) => [text(td), ...Array(Math.max(0, (td.colSpan || 1) - 1)).fill("")]));
}

function clipboardGrid(data) {
  const plain = data.getData("text/plain");
  const html = data.getData("text/html");
  // Word's plain text splits a cell's paragraphs like rows: its HTML says where cells are.
  if (html && (!plain || /Word\.Document|urn:schemas-microsoft-com:office:word/i.test(html))) {
    const g = htmlGrid(html);
    if (g && g.length) return g;
  }
  return plain ? parseTsv(plain) : null;
}

// Clipboard events go to the element holding the page's text selection, else the focus:
// either way somewhere in the grid, but not in a cell being edited (its text is its own).
const between = (e) => !editing && ui.body && !ui.editor.contains(e.target) && !ui.popup.contains(e.target);

function onPaste(e) {
  if (!between(e)) return;
  e.preventDefault();
  const grid = clipboardGrid(e.clipboardData);
  if (grid && grid.length) paste(grid);
}

function paste(grid) {
  const { r0, r1, c0, c1 } = bounds();
  let added = false, any = false, outside = 0, skipped = 0, last = r0;
  const put = (r, c, text) => {
    const res = setText(r, c, text);
    if (res) any = true;
    if (res === "rows") added = true;
  };
  if (grid.length === 1 && grid[0].length === 1) {
    // One value fills the selected range, as in Excel.
    for (let r = r0; r <= Math.min(r1, rows.length); r++) for (let c = c0; c <= c1; c++) if (!locked(r, c)) put(r, c, grid[0][0]);
    last = r1;
  } else {
    let r = r0;
    for (const line of grid) {
      // The block's lines are activities: a section row is stepped over, not overwritten.
      while (r < rows.length && rows[r].kind === "section") {
        r++;
        skipped++;
      }
      if (r >= rows.length && line.some((x, k) => x.trim() && c0 + k < cols.length)) {
        newRow();
        added = true;
        any = true;
      }
      line.forEach((text, k) => {
        if (c0 + k >= cols.length) outside += text.trim() ? 1 : 0;
        else if (r < rows.length && !locked(r, c0 + k)) put(r, c0 + k, text);
      });
      last = Math.min(r, rows.length);
      r++;
    }
  }
  if (!any) return;
  if (added) writeBack();
  render();
  const width = Math.max(...grid.map((l) => l.length));
  anchor = { r: r0, c: c0 };
  sel = { r: clamp(last, 0, rows.length), c: clamp(grid.length === 1 && width === 1 ? c1 : c0 + width - 1, 0, cols.length - 1) };
  if (anchor.r === sel.r && anchor.c === sel.c) anchor = null;
  paint();
  notify();
  const notes = [];
  if (outside) notes.push(`не поместилось справа ячеек: ${outside}`);
  if (skipped) notes.push(`строки разделов пропущены: ${skipped}`);
  if (notes.length) say(`Вставлено; ${notes.join("; ")}.`);
}

function tsvCell(s) {
  return /[\t\n\r]|^"/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function onCopy(e, cut) {
  if (!between(e)) return;
  e.preventDefault();
  const { r0, r1, c0, c1 } = bounds();
  const lines = [];
  for (let r = r0; r <= Math.min(r1, rows.length - 1); r++) {
    const line = [];
    for (let c = c0; c <= c1; c++) line.push(textAt(r, c));
    lines.push(line);
  }
  if (!lines.length) lines.push([""]);
  e.clipboardData.setData("text/plain", lines.map((l) => l.map(tsvCell).join("\t")).join("\r\n"));
  e.clipboardData.setData(
    "text/html",
    `<table>${lines.map((l) => `<tr>${l.map((x) => `<td>${esc(x).replace(/\n/g, "<br>")}</td>`).join("")}</tr>`).join("")}</table>`,
  );
  if (cut) clearRange();
}

// ---------------------------------------------------------------- the mouse

function cellOf(target) {
  if (!ui.body) return null;
  const td = target.closest && target.closest("td");
  if (!td || !ui.body || td.parentNode.parentNode !== ui.body) return null;
  return { r: td.parentNode.sectionRowIndex, c: td.cellIndex - 1 };
}

function onMouseDown(e) {
  if (e.button !== 0 || ui.editor.contains(e.target) || ui.popup.contains(e.target)) return;
  const at = cellOf(e.target);
  if (!at) return;
  e.preventDefault(); // no text selection; the grid takes the focus itself
  // A text selected elsewhere would take Ctrl+C and Ctrl+V for itself.
  getSelection().removeAllRanges();
  if (editing && !commit()) cancel();
  if (at.c < 0) {
    // The row mark selects the row.
    anchor = { r: at.r, c: 0 };
    sel = { r: at.r, c: cols.length - 1 };
    tabStart = null;
    paint();
  } else go(at.r, at.c, { extend: e.shiftKey });
  focusGrid();
  dragging = true;
}

function onMouseOver(e) {
  if (!dragging || editing) return;
  const at = cellOf(e.target);
  if (at && at.c >= 0 && (at.r !== sel.r || at.c !== sel.c)) go(at.r, at.c, { extend: true });
}

// ---------------------------------------------------------------- setting up

function setup(el) {
  el.replaceChildren();
  el.classList.add("pg-host");
  const scroll = document.createElement("div");
  scroll.className = "pg-scroll";
  scroll.tabIndex = 0;
  scroll.setAttribute("role", "grid");
  scroll.setAttribute("aria-label", "План мероприятий: стрелки — выбор ячейки, ввод с клавиатуры — правка, Tab и Enter — дальше");
  const editor = document.createElement("textarea");
  editor.className = "pg-editor";
  editor.hidden = true;
  editor.lang = "ru";
  editor.setAttribute("aria-label", "Правка ячейки");
  const popup = document.createElement("div");
  popup.className = "pg-popup";
  popup.hidden = true;
  popup.setAttribute("role", "dialog");
  popup.setAttribute("aria-label", "Срок");
  const note = document.createElement("div");
  note.className = "pg-note";
  note.hidden = true;
  note.setAttribute("role", "status");
  scroll.append(editor, popup);
  el.append(scroll, note);
  ui = { el, scroll, editor, popup, note, table: null, body: null };

  scroll.addEventListener("keydown", (e) => {
    if (!ui.body) return;
    if (editing && editing.kind === "deadline") popupKey(e);
    else if (editing) editorKey(e);
    else if (e.target === scroll) gridKey(e);
  });
  scroll.addEventListener("mousedown", onMouseDown);
  scroll.addEventListener("mouseover", onMouseOver);
  scroll.addEventListener("dblclick", (e) => {
    const at = cellOf(e.target);
    if (at && at.c >= 0 && !editing) {
      go(at.r, at.c);
      edit("keep");
    }
  });
  scroll.addEventListener("paste", onPaste);
  scroll.addEventListener("copy", (e) => onCopy(e, false));
  scroll.addEventListener("cut", (e) => onCopy(e, true));
  scroll.addEventListener("focusin", (e) => {
    hadFocus = true;
    if (e.target === scroll && !scroll.contains(getSelection().anchorNode)) getSelection().removeAllRanges();
  });
  scroll.addEventListener("focusout", (e) => {
    const to = e.relatedTarget;
    if (!to || scroll.contains(to)) return; // nowhere (another window) or still inside
    hadFocus = false;
    // The focus went elsewhere on the page: the edit is finished (a wrong form is dropped).
    if (editing && !commit()) cancel();
  });
  editor.addEventListener("input", () => grow());
  popup.addEventListener("input", formInput);
  popup.addEventListener("change", formInput);
  popup.addEventListener("click", (e) => {
    const a = e.target.dataset && e.target.dataset.act;
    if (a === "ok") commit();
    else if (a === "cancel") cancel();
    else if (a === "text") {
      // The same cell in the text editor, its words as they are shown.
      const { r, c } = editing;
      close();
      sel = { r, c };
      edit("text");
    }
  });
  window.addEventListener("mouseup", () => (dragging = false));
  // A click elsewhere on the page (even where nothing takes the focus) finishes the edit.
  document.addEventListener("mousedown", (e) => {
    if (!ui || ui.scroll !== scroll || scroll.contains(e.target)) return;
    hadFocus = false;
    if (editing && !commit()) cancel();
  }, true);
}

/// Shows appendix `index` of `doc`; `changed(doc, rebuild)` after each edit. Called again
/// with a new document (after undo, on returning to the tab) it keeps the selected cell, an
/// edit in progress and the keyboard focus.
export function buildGrid(el, d, i, ch) {
  const active = document.activeElement;
  const refocus = ui && ui.el === el && (el.contains(active) || (hadFocus && (!active || active === document.body)));
  if (!ui || ui.el !== el || !el.contains(ui.scroll)) {
    editing = null;
    setup(el);
  }
  const same = doc !== null && index === i;
  doc = d;
  index = i;
  changed = ch;
  table = d.appendices[i].table;
  table.columns = table.columns || [];
  cols = table.columns.filter((c) => c.role !== "number");
  const key = activityKey(table);
  act = Math.max(0, cols.findIndex((c) => c.key === key));
  rows = flatten(table);
  if (!cols.length) {
    const p = document.createElement("p");
    p.className = "pg-empty";
    p.textContent = "В таблице нет столбцов: задайте их на вкладке JSON.";
    if (ui.table) ui.table.replaceWith(p);
    else ui.scroll.prepend(p);
    ui.table = p;
    ui.body = null;
    return;
  }
  if (!same) {
    sel = { r: 0, c: act };
    anchor = null;
    editing = null;
    ui.scroll.scrollTop = 0;
  }
  sel = { r: clamp(sel.r, 0, rows.length), c: clamp(sel.c, 0, cols.length - 1) };
  if (anchor) anchor = { r: clamp(anchor.r, 0, rows.length), c: clamp(anchor.c, 0, cols.length - 1) };
  if (editing && (editing.r > rows.length || locked(editing.r, editing.c))) {
    editing = null;
    ui.editor.hidden = true;
    ui.popup.hidden = true;
  }
  render();
  if (refocus && !ui.scroll.contains(document.activeElement)) {
    if (editing) (editing.kind === "text" ? ui.editor : ui.popup.querySelector("[data-f=kind]")).focus({ preventScroll: true });
    else focusGrid();
  }
}

// ---------------------------------------------------------------- the toolbar

// The selected row; the empty row at the end stands for the last one.
function current() {
  return Math.min(sel.r, rows.length - 1);
}

function restructure(r, c) {
  writeBack();
  anchor = null;
  tabStart = null;
  sel = { r: clamp(r, 0, rows.length), c };
  render();
  reveal(sel.r, sel.c);
  notify();
  focusGrid();
}

function ready() {
  if (!ui || !doc || !ui.body) return false;
  if (editing && !commit()) cancel();
  return true;
}

/// Adds an activity after the selected row (as the first of a selected section).
export function addRow() {
  if (!ready()) return;
  const at = current();
  const depth = at < 0 ? 0 : rows[at].depth;
  rows.splice(at + 1, 0, { kind: "activity", depth, data: { values: { [cols[act].key]: "Новое мероприятие" } } });
  restructure(at + 1, act);
}

/// Adds a section after the selected row, at the selected row's level.
export function addSection() {
  if (!ready()) return;
  const at = current();
  const depth = at < 0 ? 1 : Math.max(1, rows[at].depth);
  rows.splice(at + 1, 0, { kind: "section", depth, data: { title: "Новый раздел" } },
    { kind: "activity", depth, data: { values: { [cols[act].key]: "Новое мероприятие" } } });
  restructure(at + 1, act);
}

/// Moves the selected row up or down by one.
export function moveRow(by) {
  if (!ready()) return;
  const at = sel.r;
  const to = at + by;
  if (at >= rows.length || to < 0 || to >= rows.length) return;
  [rows[at], rows[to]] = [rows[to], rows[at]];
  restructure(to, sel.c);
}

/// Deletes the selected rows (a section's row only: its activities join the section above).
export function deleteRow() {
  if (!ready()) return;
  const { r0, r1 } = bounds();
  const last = Math.min(r1, rows.length - 1);
  if (r0 > last) return;
  rows.splice(r0, last - r0 + 1);
  restructure(r0, sel.c);
}
