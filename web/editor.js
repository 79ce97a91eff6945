// The editor page of `prikaz serve`: the document's JSON on the left, its PDF on the right,
// redrawn by pdf.js a moment after the last keystroke; the server's messages below the
// text, each taking you to its line. Everything comes from the local server.
import * as pdfjs from "/static/pdfjs/pdf.min.mjs";
import { api, showingOpenedFile } from "/static/api.js";
import { buildForm, showFieldMessages, fieldLabel, messageText, showPrinted } from "/static/form.js";
import { loadDraft, keepDraft, dropDraft, allDrafts, History } from "/static/draft.js";
import { buildGrid, plans, addRow, addSection, moveRow, deleteRow } from "/static/grid.js";

pdfjs.GlobalWorkerOptions.workerSrc = "/static/pdfjs/pdf.worker.min.mjs";
// One pdf.js worker for the page's life: a worker per render would load and compile the
// 1 MB worker script again each time, before the first page can be drawn.
const pdfWorker = new pdfjs.PDFWorker();
let shownPdf = null; // the document on screen, destroyed when the next one replaces it

const $ = (id) => document.getElementById(id);
const text = $("text"), pages = $("pages"), preview = $("preview"), messages = $("messages"), status = $("status");
let version = null; // the opened file's version, for saving
let serverFile = false; // the page shows the file `prikaz serve FILE` opened: saving writes it
let firstSave = true; // the server keeps the file as it was before the run's first save
let fileHandle = null; // a file opened or saved through the browser (Chromium's file access)
let fileName = ""; // the document's file name, when it has one
let savedText = ""; // the text as last opened or saved: anything else is unsaved work
let schema = null;
const history = new History("");
let generation = 0;
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
    // In the form and the grid a message names the field as the form labels it; the JSON
    // tab keeps the line and the JSON path.
    const where = tab === "json"
      ? [m.line ? `строка ${m.line}, столбец ${m.column}` : "", m.path || ""].filter(Boolean).join(" · ")
      : (m.path ? fieldLabel(m.path) : "");
    li.innerHTML = "";
    // Outside the JSON tab a message speaks the form's words, not JSON keys.
    const words = (t) => (tab === "json" || !t ? t : messageText(t, m.path));
    li.append(`${m.severity === "error" ? "Ошибка" : "Предупреждение"}: ${words(m.message)}`);
    if (where) { const w = document.createElement("div"); w.className = "where"; w.textContent = where; li.append(w); }
    if (m.hint) { const h = document.createElement("div"); h.className = "hint"; h.textContent = words(m.hint); li.append(h); }
    li.dataset.line = m.line || "";
    li.dataset.column = m.column || "";
    li.title = tab === "json" ? "Показать в тексте JSON" : "Перейти к полю";
    li.addEventListener("click", () => {
      if (tab !== "json" && m.path && focusField(m.path)) return;
      goTo(+li.dataset.line, +li.dataset.column);
    });
    messages.append(li);
  }
}

// The form's control of `path` (or of the nearest path above it that has one), focused
// and scrolled into view; false when the form has none (the grid's cells, for one).
function focusField(path) {
  if (tab !== "form") return false;
  const segs = path.replace(/\[(\d+)\]/g, ".$1").split(".");
  for (let n = segs.length; n > 0; n--) {
    const control = $("form").querySelector(`[data-path="${CSS.escape(segs.slice(0, n).join("."))}"]`);
    if (control) {
      const folded = control.closest("details:not([open])");
      if (folded) folded.open = true;
      control.scrollIntoView({ block: "center" });
      control.focus();
      return true;
    }
  }
  return false;
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
  const doc = await pdfjs.getDocument({ data: bytes, worker: pdfWorker }).promise;
  if (shownPdf) shownPdf.destroy();
  shownPdf = doc;
  const count = doc.numPages;
  const keep = preview.scrollTop;
  while (pages.children.length > count) pages.lastChild.remove();
  while (pages.children.length < count) {
    const c = document.createElement("canvas");
    const last = pages.lastElementChild;
    c.width = last ? last.width : 800;
    c.height = last ? last.height : 1100;
    pages.append(c);
  }
  const first = Math.min(visiblePage(), count);
  const order = [first, ...Array.from({ length: count }, (_, i) => i + 1).filter((n) => n !== first)];
  for (const n of order) {
    if (mine !== generation) return count;
    const canvas = document.createElement("canvas");
    let page, viewport;
    try {
      page = await doc.getPage(n);
      viewport = page.getViewport({ scale: 1.3 });
      canvas.width = viewport.width;
      canvas.height = viewport.height;
      canvas.dataset.page = n;
      await page.render({ canvasContext: canvas.getContext("2d"), viewport }).promise;
    } catch (e) {
      // A newer answer replaced this document (and destroyed it) while it was drawn.
      if (mine !== generation) return count;
      throw e;
    }
    pages.replaceChild(canvas, pages.children[n - 1]);
    if (n === first) {
      preview.scrollTop = keep; // the view stays where the reader was
      const drawn = performance.now();
      // The first page's words, for those who read the preview as text (tests among them),
      // taken once the page is on screen.
      const words = await (await doc.getPage(1)).getTextContent();
      pages.dataset.firstPageText = words.items.map((i) => i.str).join(" ");
      // The page count last: who waits for it finds the page and its words in place.
      pages.dataset.count = count;
      onFirst(drawn);
    }
  }
  document.body.dataset.drawn = mine;
  return count;
}

// The preview follows the keystroke: a change is sent at once when no render is on its
// way, else as soon as that one is back (then with the latest text: changes typed
// meanwhile are one render). So at most one request is in flight, and answers come in
// order; each answer drawn stops the drawing of an older one (`generation`).
let inFlight = false, again = false;

function refresh() {
  if (inFlight) {
    again = true;
    return;
  }
  inFlight = true;
  again = false;
  render().finally(() => {
    inFlight = false;
    if (again) refresh();
  });
}

// One render: resolves once the answer is in (the drawing goes on after it, not awaited).
async function render() {
  const started = performance.now();
  const typed = lastInput; // the keystroke this text is as of, for the latency shown
  say("Сборка…");
  let response, bytes;
  try {
    response = await api("/api/render?format=pdf", { method: "POST", body: text.value });
    if (response.ok) bytes = new Uint8Array(await response.arrayBuffer());
  } catch (e) {
    say(`Сервер не ответил: ${e.message}`, true);
    return;
  }
  // Drawn even when the text changed meanwhile: it is newer than the pages on screen, and
  // the next answer stops its drawing.
  show(response, bytes, started, typed);
}

async function show(response, bytes, started, typed) {
  const mine = ++generation;
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
  showMessages(warnings);
  const count = await drawPdf(bytes, mine, (drawn) => {
    const ms = Math.round(drawn - started);
    document.body.dataset.previewMs = ms;
    if (typed) document.body.dataset.sinceInputMs = Math.round(drawn - typed);
    document.body.dataset.generation = mine;
    say(`Страниц: ${pages.dataset.count} · ${ms} мс${warnings.length ? ` · предупреждений: ${warnings.length}` : ""}`);
  });
  if (mine === generation) document.body.dataset.pages = count;
  // After the pages: what the form's empty fields will print (never delays the preview;
  // asked for only while the form is shown — switching to it asks too).
  if (mine === generation && tab === "form") loadContext(mine);
  if (mine === generation && compared) showChanges(mine);
}

// «Сравнить с…»: a saved version (the signed one, say) the page's document is compared
// with after each change; the list beside the preview, and the amending order to download.
let compared = null; // { name, text }

// The compared file and the page's document, to the server.
function postVersions(url) {
  return api(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ old: compared.text, new: text.value }),
  });
}

// The server's refusal, in its words.
async function sayRefusal(r) {
  const body = await r.json().catch(() => ({ error: r.statusText }));
  say(body.error, true);
}

async function showChanges(mine) {
  const r = await postVersions("/api/diff");
  if (mine !== undefined && mine !== generation) return;
  const list = $("changes-list");
  list.replaceChildren();
  $("changes").hidden = false;
  const body = await r.json().catch(() => ({ error: r.statusText }));
  if (!r.ok) {
    $("changes-title").textContent = `Сравнение с ${compared.name}: ${body.error}`;
    return;
  }
  $("changes-title").textContent = body.length
    ? `Изменения по сравнению с ${compared.name}: ${body.length}`
    : `Различий с ${compared.name} нет`;
  for (const c of body) {
    const li = document.createElement("li");
    li.className = c.kind;
    li.textContent = c.text;
    list.append(li);
  }
}

$("compare").addEventListener("click", () => $("compare-file").click());
$("compare-file").addEventListener("change", async (e) => {
  const file = e.target.files[0];
  e.target.value = "";
  if (!file) return;
  compared = { name: file.name, text: await file.text() };
  showChanges();
});
// The workspace server's page compares with the signed version it fetched.
document.addEventListener("prikaz:compare", (e) => {
  compared = e.detail;
  showChanges();
});
$("changes-close").addEventListener("click", () => {
  compared = null;
  $("changes").hidden = true;
});
$("amend").addEventListener("click", async () => {
  // «01.10.2024» as people type it (or 2024-10-01).
  const typed = $("amend-date").value.trim();
  const dmy = typed.match(/^(\d{1,2})\.(\d{1,2})\.(\d{4})$/);
  const date = dmy ? `${dmy[3]}-${dmy[2].padStart(2, "0")}-${dmy[1].padStart(2, "0")}` : typed;
  const q = new URLSearchParams({ date, number: $("amend-number").value });
  const r = await postVersions(`/api/amend?${q}`);
  if (!r.ok) return sayRefusal(r);
  save(await r.blob(), "Приказ о внесении изменений.json");
  say("Приказ о внесении изменений скачан: откройте его в редакторе или соберите prikaz render");
});

$("tracked").addEventListener("click", async () => {
  const r = await postVersions("/api/tracked");
  if (!r.ok) return sayRefusal(r);
  save(await r.blob(), `${baseName()}-изменения.docx`);
  say("DOCX с исправлениями скачан: изменения видны в Word и LibreOffice, их можно принять или отклонить");
});

let lastContext = null;

async function loadContext(mine) {
  const r = await api("/api/context", { method: "POST", body: text.value });
  if (!r.ok || mine !== generation) return;
  lastContext = await r.json();
  if (tab === "form") showPrinted($("form"), lastContext);
  document.body.dataset.contextGeneration = mine;
}

// The document as an object, for the form and the grid; the text stays the source.
function parsed() {
  try {
    return JSON.parse(text.value);
  } catch {
    return null;
  }
}

// A change made in the form or the grid: the text follows, one undo step is recorded.
function fromViews(doc, rebuild) {
  text.value = JSON.stringify(doc, null, 2) + "\n";
  const active = document.activeElement;
  // The grid calls once per finished cell, paste or row operation: each is a step. Typing
  // in one form field within a second is merged into one step.
  const source = rebuild || tab === "grid" ? null : (active && active.dataset && active.dataset.path) || tab;
  history.record(text.value, source);
  changedText();
  if (rebuild) showTab();
}

// After every change of the text, whoever made it.
function changedText() {
  $("start").hidden = true;
  schedule();
  kept();
  showUndo();
}

// Each document's draft has a key: its file's name, or for a new document (a sample, a
// restored draft) a key of its own, kept across reloads of the tab.
let newKey = sessionStorage.getItem("prikaz-new-key") || "";

function freshNewKey() {
  newKey = `новый:${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  sessionStorage.setItem("prikaz-new-key", newKey);
}

function draftKey() {
  if (fileName) return `файл:${fileName}`;
  if (!newKey) freshNewKey();
  return newKey;
}

// The draft in the browser, and whether the page has unsaved work.
function kept() {
  const ok = keepDraft(draftKey(), text.value, savedText);
  document.body.dataset.dirty = text.value !== savedText ? "1" : "";
  if (!ok) say("Браузер не даёт сохранить черновик: сохраните документ в файл", true);
}

function showUndo() {
  $("undo").disabled = history.at === 0;
  $("redo").disabled = history.at >= history.steps.length - 1;
}

function undoRedo(redo) {
  const back = redo ? history.redo() : history.undo();
  if (back == null) return;
  text.value = back;
  changedText();
  showTab();
}

function showTab() {
  const doc = parsed();
  if (tab === "form") {
    buildForm($("form"), doc, fromViews, schema);
    showFieldMessages($("form"), lastMessages);
    showPrinted($("form"), lastContext);
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
  showMessages(lastMessages);
  if (name === "form" && text.value) loadContext(generation);
}

function schedule() {
  lastInput = performance.now();
  refresh();
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

// Files are named after the document: the opened file's name, else the kind, date and
// number («Приказ от 28.08.2023 № 15 а»), else the first appendix's title.
function baseName() {
  if (fileName) return fileName.replace(/\.json$/i, "");
  return nameOf(parsed()) || "документ";
}

// «Приказ от 28.08.2023 № 15 а», or the first appendix's title; "" when neither is there.
function nameOf(doc) {
  const o = doc && doc.order;
  let name = "";
  if (o) {
    const kind = String(o.kind || "Приказ");
    const date = String(o.date || "").replace(/^(\d{4})-(\d{2})-(\d{2})$/, "$3.$2.$1");
    name = [kind.charAt(0) + kind.slice(1).toLowerCase(), date && `от ${date}`, o.number && `№ ${o.number}`]
      .filter(Boolean).join(" ");
  } else if (doc && Array.isArray(doc.appendices) && doc.appendices[0] && doc.appendices[0].title) {
    name = String(doc.appendices[0].title).split("\n")[0].slice(0, 60);
  }
  // Characters Windows refuses in names, and trailing dots and spaces.
  return name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, " ").replace(/\s+/g, " ").replace(/[. ]+$/, "").trim();
}

function save(blob, name) {
  const a = document.createElement("a");
  a.href = URL.createObjectURL(blob);
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

function saved(message) {
  savedText = text.value;
  kept();
  say(message);
}

// «Сохранить»: the file `serve` opened, else the file opened or saved in this tab, else
// as «Сохранить как».
async function saveFile() {
  if (serverFile) {
    const response = await api("/api/file", {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ text: text.value, version }),
    });
    const r = await response.json();
    if (response.ok) {
      version = r.version;
      saved(r.message || (firstSave ? `Сохранено; файл, каким он был до правок, — в ${fileName}.bak` : "Сохранено"));
      firstSave = false;
    } else {
      say(r.error, true);
    }
    return;
  }
  if (fileHandle) {
    try {
      const w = await fileHandle.createWritable();
      await w.write(text.value);
      await w.close();
      saved(`Сохранено в ${fileHandle.name}`);
      return;
    } catch (e) {
      say(`Не удалось сохранить в ${fileHandle.name}: ${e.message}; сохраните как новый файл`, true);
      return;
    }
  }
  await saveAs();
}

// «Сохранить как»: a new file chosen by the user (Chromium, Edge), else a download.
async function saveAs() {
  if (window.showSaveFilePicker) {
    try {
      const handle = await window.showSaveFilePicker({
        suggestedName: `${baseName()}.json`,
        types: [{ description: "Документ prikaz (JSON)", accept: { "application/json": [".json"] } }],
      });
      const w = await handle.createWritable();
      await w.write(text.value);
      await w.close();
      adopt(handle);
      saved(`Сохранено в ${handle.name}`);
    } catch (e) {
      if (e.name !== "AbortError") say(`Не удалось сохранить: ${e.message}`, true);
    }
    return;
  }
  download("json");
  saved(`Скачан ${baseName()}.json — сохраните его в нужную папку`);
}

// The document now lives in `handle` (opened or saved through the browser).
function adopt(handle) {
  const before = draftKey();
  fileHandle = handle;
  fileName = handle.name;
  $("name").textContent = handle.name;
  if (before !== draftKey()) dropDraft(before);
  remember(handle);
}

// Recent files: the browser's file handles, kept in IndexedDB (Chromium, Edge).
function recentStore(mode, work) {
  return new Promise((resolve) => {
    const open = indexedDB.open("prikaz", 1);
    open.onupgradeneeded = () => open.result.createObjectStore("recent");
    open.onerror = () => resolve(null);
    open.onsuccess = () => {
      const tx = open.result.transaction("recent", mode);
      const request = work(tx.objectStore("recent"));
      tx.oncomplete = () => resolve(request ? request.result : null);
      tx.onerror = () => resolve(null);
    };
  });
}

async function remember(handle) {
  const list = ((await recentStore("readonly", (s) => s.get("files"))) || []).filter((h) => h.name !== handle.name);
  list.unshift(handle);
  await recentStore("readwrite", (s) => s.put(list.slice(0, 8), "files"));
}

// Replacing the document: asks first when there is unsaved work.
function mayReplace() {
  return text.value === savedText || confirm("В документе есть несохранённые изменения. Заменить его и потерять их?");
}

// Shows a new document: its text, name and whether it is saved. Only the file `serve`
// opened is saved back to it; anything else loaded is a new document or the browser's file.
function load(newText, { name = "", handle = null, saved: isSaved = false, server = false } = {}) {
  serverFile = server;
  showingOpenedFile(server);
  fileHandle = handle;
  fileName = name;
  if (!name) freshNewKey();
  $("name").textContent = name || "Новый документ";
  text.value = newText;
  savedText = isSaved ? newText : "";
  history.reset(newText);
  $("start").hidden = true;
  $("draft-bar").hidden = true;
  document.body.dataset.dirty = text.value !== savedText ? "1" : "";
  showUndo();
  showTab();
  refresh();
}

async function openSample(id) {
  if (!mayReplace()) return;
  const r = await api(`/api/samples/${encodeURIComponent(id)}`);
  if (!r.ok) return say((await r.json()).error, true);
  load(await r.text());
}

async function openFile() {
  if (!mayReplace()) return;
  if (window.showOpenFilePicker) {
    try {
      const [handle] = await window.showOpenFilePicker({
        types: [{ description: "Документ prikaz (JSON)", accept: { "application/json": [".json"] } }],
      });
      await openHandle(handle);
    } catch (e) {
      if (e.name !== "AbortError") say(`Файл не открылся: ${e.message}`, true);
    }
    return;
  }
  $("open").click();
}

async function openHandle(handle) {
  const file = await handle.getFile();
  load(await file.text(), { name: handle.name, handle, saved: true });
  remember(handle);
}

// When a file is opened: its draft from before (a reload, a crash), if it differs, is
// offered back; the draft stays kept until the user decides.
function offerDraft(draft) {
  if (!draft || draft.text === text.value) return;
  const when = new Date(draft.savedAt).toLocaleString("ru-RU");
  const changed = draft.base !== undefined && draft.base !== text.value;
  $("draft-text").textContent = `Есть несохранённый черновик этого документа от ${when}.` +
    (changed ? " Файл с тех пор изменился: сравните, прежде чем сохранять." : "");
  $("draft-bar").hidden = false;
  $("draft-restore").onclick = () => {
    text.value = draft.text;
    history.record(text.value, null);
    $("draft-bar").hidden = true;
    changedText();
    showTab();
  };
  $("draft-drop").onclick = () => {
    dropDraft(draftKey());
    $("draft-bar").hidden = true;
  };
}

// A draft's name in a list: the kind, date and number, else how its text starts.
function titleOf(docText) {
  try {
    return nameOf(JSON.parse(docText)) || "без названия";
  } catch {
    return docText.slice(0, 60);
  }
}

// The start page of `prikaz serve` without a file: samples, open, the draft, recent files.
async function showStart(list) {
  $("start").hidden = false;
  $("start-samples").replaceChildren(...list.map((s) => {
    const li = document.createElement("li");
    const b = document.createElement("button");
    b.type = "button";
    b.textContent = s.title;
    b.dataset.sample = s.id;
    b.addEventListener("click", () => openSample(s.id));
    li.append(b);
    return li;
  }));
  // Drafts of new documents (a file's draft is offered when the file is opened).
  const drafts = allDrafts().filter((d) => d.key.startsWith("новый:"));
  if (drafts.length) $("start-draft").replaceChildren(...drafts.map((d) => {
    const li = document.createElement("li");
    const b = document.createElement("button");
    b.type = "button";
    b.className = "draft";
    b.textContent = `Черновик: ${titleOf(d.text)} — ${new Date(d.savedAt).toLocaleString("ru-RU")}`;
    b.addEventListener("click", () => {
      load(d.text);
      // The restored draft goes on under its own key.
      newKey = d.key;
      sessionStorage.setItem("prikaz-new-key", newKey);
      savedText = d.base || "";
      kept();
    });
    const x = document.createElement("button");
    x.type = "button";
    x.className = "small";
    x.textContent = "×";
    x.title = "Удалить черновик";
    x.addEventListener("click", () => {
      if (!confirm(`Удалить черновик «${titleOf(d.text)}»? Его нельзя будет вернуть.`)) return;
      dropDraft(d.key);
      li.remove();
    });
    li.append(b, x);
    return li;
  }));
  const recent = window.showOpenFilePicker ? (await recentStore("readonly", (s) => s.get("files"))) || [] : [];
  if (recent.length) {
    $("start-recent").replaceChildren(...recent.map((h) => {
      const li = document.createElement("li");
      const b = document.createElement("button");
      b.type = "button";
      b.textContent = h.name;
      b.addEventListener("click", async () => {
        try {
          if ((await h.requestPermission({ mode: "readwrite" })) !== "granted") return;
          await openHandle(h);
        } catch (e) {
          say(`Файл ${h.name} не открылся: ${e.message}`, true);
        }
      });
      li.append(b);
      return li;
    }));
  }
}

async function start() {
  switchTab("form");
  const samples = await api("/api/samples");
  if (samples.status === 401 || samples.status === 403) {
    say((await samples.json()).error, true);
    return;
  }
  const list = await samples.json();
  for (const s of list) {
    const o = document.createElement("option");
    o.value = s.id;
    o.textContent = s.title;
    $("new").append(o);
  }
  schema = await (await api("/api/schema")).json();
  const opened = await api("/api/file");
  if (opened.ok) {
    const f = await opened.json();
    version = f.version;
    const draft = loadDraft(`файл:${f.name}`);
    load(f.text, { name: f.name, saved: true, server: true });
    offerDraft(draft);
    document.body.dataset.loaded = "1";
    document.dispatchEvent(new Event("prikaz:loaded"));
  } else if (opened.status === 404) {
    showStart(list);
  } else {
    say((await opened.json()).error, true);
  }
}

$("new").addEventListener("change", (e) => {
  const id = e.target.value;
  e.target.value = "";
  if (id) openSample(id);
});
$("open").addEventListener("change", async (e) => {
  const file = e.target.files[0];
  e.target.value = "";
  if (file) load(await file.text(), { name: file.name, saved: true });
});
$("open-file").addEventListener("click", openFile);
$("start-open").addEventListener("click", openFile);
for (const b of document.querySelectorAll("#tabs button")) b.addEventListener("click", () => switchTab(b.dataset.tab));
$("plan").addEventListener("change", showTab);
$("add-row").addEventListener("click", addRow);
$("add-section").addEventListener("click", addSection);
$("row-up").addEventListener("click", () => moveRow(-1));
$("row-down").addEventListener("click", () => moveRow(1));
$("row-delete").addEventListener("click", deleteRow);
text.addEventListener("input", () => {
  history.record(text.value, "json");
  changedText();
});
$("save").addEventListener("click", saveFile);
$("save-as").addEventListener("click", saveAs);
$("undo").addEventListener("click", () => undoRedo(false));
$("redo").addEventListener("click", () => undoRedo(true));
$("dl-docx").addEventListener("click", () => download("docx"));
$("dl-pdf").addEventListener("click", () => download("pdf"));
$("dl-json").addEventListener("click", () => download("json"));
// Ctrl+S saves; Ctrl+Z / Ctrl+Y (Ctrl+Shift+Z) undo and redo document changes, except
// in the JSON text and in a grid cell being edited, where the text's own undo works.
document.addEventListener("keydown", (e) => {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
  const key = e.key.toLowerCase();
  if (key === "s" || key === "ы") {
    e.preventDefault();
    saveFile();
    return;
  }
  const undo = (key === "z" || key === "я") && !e.shiftKey;
  const redo = key === "y" || key === "н" || ((key === "z" || key === "я") && e.shiftKey);
  if (!undo && !redo) return;
  const t = e.target;
  const ownUndo = t === text || (t.closest && t.closest("#grid") && (t.tagName === "TEXTAREA" || t.tagName === "INPUT"));
  if (ownUndo) return;
  e.preventDefault();
  undoRedo(redo);
});
// Closing the tab with unsaved work asks first (the draft is kept anyway).
window.addEventListener("beforeunload", (e) => {
  if (text.value !== savedText) {
    e.preventDefault();
    e.returnValue = "";
  }
});
start();
