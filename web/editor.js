// The editor page of `prikaz serve`: the document's JSON on the left, its PDF on the right,
// redrawn by pdf.js a moment after the last keystroke; the server's messages below the
// text, each taking you to its line. Everything comes from the local server.
import * as pdfjs from "/static/pdfjs/pdf.min.mjs";
import { api } from "/static/api.js";
import { buildForm, showFieldMessages } from "/static/form.js";
import { buildGrid, plans, addRow, addSection, moveRow, deleteRow } from "/static/grid.js";

pdfjs.GlobalWorkerOptions.workerSrc = "/static/pdfjs/pdf.worker.min.mjs";

const $ = (id) => document.getElementById(id);
const text = $("text"), pages = $("pages"), preview = $("preview"), messages = $("messages"), status = $("status");
let version = null; // the opened file's version, for saving
let timer = null, generation = 0;
let lastInput = 0; // when the text last changed, for the keystroke → preview latency

function say(message, error = false) {
  status.textContent = message;
  status.className = error ? "error" : "";
}

let lastMessages = [];
let tab = "form";

function showMessages(list) {
  lastMessages = list;
  showFieldMessages($("form"), list);
  messages.replaceChildren();
  for (const m of list) {
    const li = document.createElement("li");
    li.className = m.severity;
    const where = [m.line ? `строка ${m.line}, столбец ${m.column}` : "", m.path || ""].filter(Boolean).join(" · ");
    li.innerHTML = "";
    li.append(`${m.severity === "error" ? "Ошибка" : "Предупреждение"}: ${m.message}`);
    if (where) { const w = document.createElement("div"); w.className = "where"; w.textContent = where; li.append(w); }
    if (m.hint) { const h = document.createElement("div"); h.className = "hint"; h.textContent = m.hint; li.append(h); }
    li.dataset.line = m.line || "";
    li.dataset.column = m.column || "";
    li.addEventListener("click", () => goTo(+li.dataset.line, +li.dataset.column));
    messages.append(li);
  }
}

function goTo(line, column) {
  if (!line) return;
  if (tab !== "json") switchTab("json");
  const lines = text.value.split("\n");
  let at = 0;
  for (let i = 0; i < line - 1 && i < lines.length; i++) at += lines[i].length + 1;
  at += Math.max(0, (column || 1) - 1);
  text.focus();
  text.setSelectionRange(at, at + 1);
  const lineHeight = parseFloat(getComputedStyle(text).lineHeight) || 18;
  text.scrollTop = Math.max(0, (line - 5) * lineHeight);
}

// The page the reader looks at: the one at the middle of the preview.
function visiblePage() {
  const middle = preview.scrollTop + preview.clientHeight / 2;
  let n = 1;
  for (const c of pages.children) {
    if (c.offsetTop <= middle) n = +c.dataset.page || n;
  }
  return n;
}

// Draws the PDF over the current pages: the page in view first (the preview is then
// fresh where the reader looks), the others after; a newer render stops this one.
async function drawPdf(bytes, mine, onFirst) {
  const doc = await pdfjs.getDocument({ data: bytes }).promise;
  const count = doc.numPages;
  const words = await (await doc.getPage(1)).getTextContent();
  pages.dataset.firstPageText = words.items.map((i) => i.str).join(" ");
  const keep = preview.scrollTop;
  while (pages.children.length > count) pages.lastChild.remove();
  while (pages.children.length < count) {
    const c = document.createElement("canvas");
    const last = pages.lastElementChild;
    c.width = last ? last.width : 800;
    c.height = last ? last.height : 1100;
    pages.append(c);
  }
  pages.dataset.count = count;
  const first = Math.min(visiblePage(), count);
  const order = [first, ...Array.from({ length: count }, (_, i) => i + 1).filter((n) => n !== first)];
  for (const n of order) {
    if (mine !== generation) return count;
    const page = await doc.getPage(n);
    const viewport = page.getViewport({ scale: 1.3 });
    const canvas = document.createElement("canvas");
    canvas.width = viewport.width;
    canvas.height = viewport.height;
    canvas.dataset.page = n;
    await page.render({ canvasContext: canvas.getContext("2d"), viewport }).promise;
    pages.replaceChild(canvas, pages.children[n - 1]);
    if (n === first) {
      preview.scrollTop = keep; // the view stays where the reader was
      onFirst();
    }
  }
  document.body.dataset.drawn = mine;
  return count;
}

async function refresh() {
  const mine = ++generation;
  const started = performance.now();
  say("Сборка…");
  const response = await api("/api/render?format=pdf", { method: "POST", body: text.value });
  if (mine !== generation) return; // a newer keystroke has its own request
  if (response.status === 422) {
    const r = await response.json();
    showMessages([...r.errors, ...r.warnings]);
    say(`Ошибок: ${r.errors.length} — предпросмотр показывает последнюю верную версию`, true);
    return;
  }
  if (!response.ok) {
    const r = await response.json().catch(() => ({ error: response.statusText }));
    say(r.error, true);
    return;
  }
  const warnings = JSON.parse(decodeURIComponent(response.headers.get("x-prikaz-warnings") || "%5B%5D"));
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (mine !== generation) return;
  showMessages(warnings);
  const count = await drawPdf(bytes, mine, () => {
    const ms = Math.round(performance.now() - started);
    document.body.dataset.previewMs = ms;
    if (lastInput) document.body.dataset.sinceInputMs = Math.round(performance.now() - lastInput);
    document.body.dataset.generation = mine;
    say(`Страниц: ${pages.dataset.count} · ${ms} мс${warnings.length ? ` · предупреждений: ${warnings.length}` : ""}`);
  });
  if (mine === generation) document.body.dataset.pages = count;
}

// The document as an object, for the form and the grid; the text stays the source.
function parsed() {
  try {
    return JSON.parse(text.value);
  } catch {
    return null;
  }
}

function fromViews(doc, rebuild) {
  text.value = JSON.stringify(doc, null, 2) + "\n";
  schedule();
  if (rebuild) showTab();
}

function showTab() {
  const doc = parsed();
  if (tab === "form") {
    buildForm($("form"), doc, fromViews);
    showFieldMessages($("form"), lastMessages);
  } else if (tab === "grid") {
    const list = doc ? plans(doc) : [];
    const select = $("plan");
    const keep = select.value;
    select.replaceChildren(...list.map(([i, title]) => {
      const o = document.createElement("option");
      o.value = i;
      o.textContent = title;
      return o;
    }));
    if (list.some(([i]) => String(i) === keep)) select.value = keep;
    if (list.length) buildGrid($("grid"), doc, +select.value, fromViews);
    else $("grid").textContent = doc ? "В документе нет приложения с планом." : "Документ не читается как JSON: исправьте его на вкладке JSON.";
  }
}

function switchTab(name) {
  tab = name;
  for (const b of document.querySelectorAll("#tabs button")) b.classList.toggle("active", b.dataset.tab === name);
  for (const t of document.querySelectorAll(".tab")) t.classList.toggle("active", t.id === `tab-${name}`);
  showTab();
}

function schedule() {
  lastInput = performance.now();
  clearTimeout(timer);
  timer = setTimeout(refresh, 100);
}

async function download(format) {
  if (format === "json") {
    save(new Blob([text.value], { type: "application/json" }), `${baseName()}.json`);
    return;
  }
  const response = await api(`/api/render?format=${format}`, { method: "POST", body: text.value });
  if (!response.ok) {
    const r = await response.json();
    if (r.errors) showMessages([...r.errors, ...r.warnings]);
    say(r.error || "Документ с ошибками: исправьте их, чтобы скачать", true);
    return;
  }
  save(await response.blob(), `${baseName()}.${format}`);
}

function baseName() {
  return ($("name").textContent || "prikaz").replace(/\.json$/, "");
}

function save(blob, name) {
  const a = document.createElement("a");
  a.href = URL.createObjectURL(blob);
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

async function saveFile() {
  const response = await api("/api/file", {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ text: text.value, version }),
  });
  const r = await response.json();
  if (response.ok) {
    version = r.version;
    say("Сохранено (прежняя версия — .bak)");
  } else {
    say(r.error, true);
  }
}

async function start() {
  const list = await (await api("/api/samples")).json();
  for (const s of list) {
    const o = document.createElement("option");
    o.value = s.id;
    o.textContent = s.title;
    $("new").append(o);
  }
  const opened = await api("/api/file");
  if (opened.ok) {
    const f = await opened.json();
    text.value = f.text;
    version = f.version;
    $("name").textContent = f.name;
    $("save").disabled = false;
  } else {
    text.value = await (await api("/api/samples/order")).text();
  }
  switchTab("form");
  refresh();
}

$("new").addEventListener("change", async (e) => {
  if (!e.target.value) return;
  text.value = await (await api(`/api/samples/${e.target.value}`)).text();
  e.target.value = "";
  showTab();
  refresh();
});
$("open").addEventListener("change", async (e) => {
  const file = e.target.files[0];
  if (!file) return;
  text.value = await file.text();
  showTab();
  refresh();
});
for (const b of document.querySelectorAll("#tabs button")) b.addEventListener("click", () => switchTab(b.dataset.tab));
$("plan").addEventListener("change", showTab);
$("add-row").addEventListener("click", addRow);
$("add-section").addEventListener("click", addSection);
$("row-up").addEventListener("click", () => moveRow(-1));
$("row-down").addEventListener("click", () => moveRow(1));
$("row-delete").addEventListener("click", deleteRow);
text.addEventListener("input", schedule);
$("save").addEventListener("click", saveFile);
$("dl-docx").addEventListener("click", () => download("docx"));
$("dl-pdf").addEventListener("click", () => download("pdf"));
$("dl-json").addEventListener("click", () => download("json"));
document.addEventListener("keydown", (e) => {
  if ((e.ctrlKey || e.metaKey) && e.key === "s" && !$("save").disabled) { e.preventDefault(); saveFile(); }
});
start();
