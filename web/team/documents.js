// The list of the documents this user sees, a new document (empty, from a sample, from a
// template, from a file), and for methodologists the batch of a template.
import { me, call, refusal, when, say, showUser, download, cell, button } from "/static/team/common.js";

const $ = (id) => document.getElementById(id);
let user = null;
let batchOf = null; // the template whose school list is being chosen

function option(value, label, group) {
  const o = document.createElement("option");
  o.value = value;
  o.textContent = label;
  (group || $("from")).append(o);
}

async function showList() {
  const r = await call("/api/documents");
  if (!r.ok) return say(await refusal(r), true);
  const docs = await r.json();
  const list = $("list");
  list.replaceChildren();
  if (!docs.length) {
    const tr = document.createElement("tr");
    cell(tr, "документов пока нет: создайте первый ниже").colSpan = 6;
    tr.firstChild.className = "none";
    list.append(tr);
  }
  for (const d of docs) {
    const tr = document.createElement("tr");
    if (d.template) tr.className = "template";
    const open = document.createElement("a");
    open.href = `/documents/${d.id}`;
    open.textContent = d.title;
    cell(tr, open);
    cell(tr, d.org || "—");
    cell(tr, String(d.version));
    cell(tr, `${when(d.saved)}, ${d.author}`);
    const signed = cell(tr, d.signed ? `версия ${d.signed}` : "—");
    if (d.signed) signed.className = "signed";
    const actions = cell(tr, "");
    actions.className = "actions";
    const versions = document.createElement("a");
    versions.href = `/documents/${d.id}/versions`;
    versions.textContent = "Версии";
    actions.append(versions);
    if (d.template && user.role !== "school") {
      actions.append(button("Документы всех школ…", () => {
        batchOf = d;
        $("schools").click();
      }, "Загрузить список школ (CSV, Excel) и скачать ZIP с документами каждой школы"));
    }
    list.append(tr);
  }
  // The templates to start from.
  const group = $("from").querySelector("optgroup[data-kind=template]");
  group.replaceChildren();
  for (const d of docs.filter((d) => d.template)) option(String(d.id), d.title, group);
  group.hidden = !group.children.length || user.role !== "school";
}

$("schools").addEventListener("change", async (e) => {
  const file = e.target.files[0];
  e.target.value = "";
  if (!file || !batchOf) return;
  say(`Формирую документы школ по шаблону «${batchOf.title}»…`);
  const r = await call(`/api/documents/${batchOf.id}/batch`, {
    method: "POST",
    headers: { "x-file-name": encodeURIComponent(file.name) },
    body: file,
  });
  if (!r.ok) return say(await refusal(r), true);
  await download(r, "школы.zip");
  say("ZIP с документами школ скачан; список школ сохранён — школы могут создавать документы по шаблону");
});

$("from").addEventListener("change", () => {
  $("file-label").hidden = $("from").value !== "file";
});

$("new").addEventListener("submit", async (e) => {
  e.preventDefault();
  const from = $("from").value;
  const body = { title: $("title").value, template: $("template").checked };
  if (from === "file") {
    const file = $("file").files[0];
    if (!file) return say("Выберите файл .json", true);
    body.text = await file.text();
  } else if (from !== "empty") {
    body.from = from;
  }
  const r = await call("/api/documents", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!r.ok) return say(await refusal(r), true);
  const { id } = await r.json();
  location.href = `/documents/${id}`;
});

async function start() {
  ({ user } = await me());
  showUser(user);
  $("users").hidden = user.role !== "admin";
  option("empty", "пустого документа");
  option("file", "файла с компьютера (.json)");
  const templates = document.createElement("optgroup");
  templates.label = "шаблона управления образования";
  templates.dataset.kind = "template";
  $("from").append(templates);
  const samples = document.createElement("optgroup");
  samples.label = "образца";
  $("from").append(samples);
  const r = await call("/api/samples");
  if (r.ok) for (const s of await r.json()) option(s.id, s.title, samples);
  const canPublish = user.role !== "school";
  $("template-label").hidden = !canPublish;
  $("template-note").hidden = !canPublish;
  await showList();
}

start();
