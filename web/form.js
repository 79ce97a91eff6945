// «Реквизиты»: the order's requisites and text as a form. Each field edits one JSON path
// of the document; the server's messages for that path (or below it) appear under it.

const FIELDS = [
  ["Бланк", [
    ["blank.parents", "Вышестоящие органы (каждый — через пустую строку)", "paragraphs"],
    ["blank.organization.full_name", "Полное название организации", "textarea"],
    ["blank.organization.short_name", "Краткое название (в отметке приложения)", "text"],
  ]],
  ["Реквизиты", [
    ["order.kind", "Вид документа", "text"],
    ["order.date", "Дата (ГГГГ-ММ-ДД или ДД.ММ.ГГГГ)", "text"],
    ["order.number", "Номер", "text"],
    ["order.place", "Место издания", "text"],
    ["order.title", "Заголовок", "textarea"],
  ]],
  ["Текст", [
    ["order.body.preamble", "Преамбула (абзацы через пустую строку)", "paragraphs"],
    ["order.body.points", "Пункты", "points"],
  ]],
  ["Подпись", [
    ["order.body.signatory.position", "Должность (по строке)", "lines"],
    ["order.body.signatory.person", "Подписывает (И.О. Фамилия)", "person"],
    ["order.body.acquaintance.people", "С приказом ознакомлены (по строке)", "people"],
  ]],
];

const get = (doc, path) => path.split(".").reduce((o, k) => (o == null ? undefined : o[k]), doc);

function set(doc, path, value) {
  const keys = path.split(".");
  let o = doc;
  for (const k of keys.slice(0, -1)) {
    if (o[k] == null || typeof o[k] !== "object") o[k] = {};
    o = o[k];
  }
  const last = keys[keys.length - 1];
  if (value === undefined || value === "" || (Array.isArray(value) && value.length === 0)) delete o[last];
  else o[last] = value;
}

// Shown as text, read back as the JSON value.
const KINDS = {
  text: { show: (v) => (v == null ? "" : String(v)), read: (t) => t.trim() },
  textarea: { show: (v) => v || "", read: (t) => t.trim() },
  lines: { show: (v) => (v || []).join("\n"), read: (t) => t.split("\n").map((s) => s.trim()).filter(Boolean) },
  paragraphs: { show: (v) => (v || []).join("\n\n"), read: (t) => t.split(/\n\s*\n/).map((s) => s.trim()).filter(Boolean) },
  person: { show: (v) => (typeof v === "string" ? v : v ? [v.name, v.patronymic, v.surname].filter(Boolean).join(" ") : ""), read: (t) => t.trim() },
  people: { show: (v) => (v || []).map((p) => (typeof p === "string" ? p : [p.name, p.patronymic, p.surname].filter(Boolean).join(" "))).join("\n"),
            read: (t) => t.split("\n").map((s) => s.trim()).filter(Boolean) },
};

/// Builds the form for `doc`; `changed(doc)` is called after every edit.
export function buildForm(form, doc, changed) {
  form.replaceChildren();
  if (!doc || typeof doc !== "object") {
    form.append("Документ не читается как JSON: исправьте его на вкладке JSON.");
    return;
  }
  if (!doc.order) {
    const p = document.createElement("p");
    p.textContent = "В документе нет приказа (только приложения): план — на вкладке «План».";
    form.append(p);
  }
  for (const [legend, fields] of doc.order ? FIELDS : []) {
    const set_ = document.createElement("fieldset");
    const l = document.createElement("legend");
    l.textContent = legend;
    set_.append(l);
    for (const [path, label, kind] of fields) {
      if (kind === "points") set_.append(pointsField(doc, path, label, changed));
      else set_.append(field(doc, path, label, kind, changed));
    }
    form.append(set_);
  }
  (doc.appendices || []).forEach((a, i) => form.append(approvals(doc, a, i, changed)));
}

const GRIF = { approve: "УТВЕРЖДАЮ", approved: "УТВЕРЖДЕН(А/О/Ы) приказом", agreed: "СОГЛАСОВАНО", accepted: "ПРИНЯТО" };

// The грифы of appendix `i`: kind, position, person, date, body — each a field of its own path.
function approvals(doc, a, i, changed) {
  const set_ = document.createElement("fieldset");
  const l = document.createElement("legend");
  l.textContent = `Грифы: ${(a.title || `приложение ${i + 1}`).split("\n")[0]}`;
  set_.append(l);
  const list = a.approvals || [];
  list.forEach((g, k) => {
    const base = `appendices.${i}.approvals.${k}`;
    const kind = document.createElement("select");
    kind.dataset.path = `${base}.kind`;
    for (const [value, text] of Object.entries(GRIF)) {
      const o = document.createElement("option");
      o.value = value;
      o.textContent = text;
      kind.append(o);
    }
    kind.value = g.kind;
    kind.addEventListener("change", () => {
      g.kind = kind.value;
      changed(doc);
    });
    const head = document.createElement("div");
    head.className = "point";
    const del = document.createElement("button");
    del.type = "button";
    del.className = "small";
    del.textContent = "×";
    del.title = "Удалить гриф";
    del.addEventListener("click", () => {
      list.splice(k, 1);
      if (!list.length) delete a.approvals;
      changed(doc, true);
    });
    head.append(kind, del);
    set_.append(head);
    for (const [key, label, kindOf] of [
      ["position", "Должность (по строке)", "lines"],
      ["person", "Кто подписывает (И.О. Фамилия)", "person"],
      ["date", "Дата (пусто — строка для даты от руки)", "text"],
      ["body", "Коллегиальный орган («на заседании педагогического совета»)", "textarea"],
    ]) {
      set_.append(field(doc, `${base}.${key}`, label, kindOf, changed));
    }
  });
  const add = document.createElement("button");
  add.type = "button";
  add.textContent = "+ гриф";
  add.addEventListener("click", () => {
    a.approvals = list;
    list.push({ kind: "approve", position: ["Директор"], person: "И.О. Фамилия" });
    changed(doc, true);
  });
  set_.append(add);
  const msg = document.createElement("div");
  msg.className = "field-msg";
  msg.dataset.for = `appendices.${i}.approvals`;
  set_.append(msg);
  return set_;
}

function field(doc, path, label, kind, changed) {
  const wrap = document.createElement("div");
  const l = document.createElement("label");
  l.textContent = label;
  const multi = kind !== "text";
  const input = document.createElement(multi ? "textarea" : "input");
  input.dataset.path = path;
  const value = get(doc, path);
  // Structured values the form cannot show as text (a person by parts) stay for the JSON tab.
  const readOnly = kind === "person" && value && typeof value === "object";
  input.value = KINDS[kind].show(value);
  input.readOnly = readOnly;
  if (readOnly) input.title = "имя задано по частям — правьте на вкладке JSON";
  if (multi) input.rows = Math.min(8, Math.max(2, input.value.split("\n").length));
  input.addEventListener("input", () => {
    set(doc, path, KINDS[kind].read(input.value));
    changed(doc);
  });
  l.append(input);
  const msg = document.createElement("div");
  msg.className = "field-msg";
  msg.dataset.for = path;
  wrap.append(l, msg);
  return wrap;
}

function pointsField(doc, path, label, changed) {
  const wrap = document.createElement("div");
  const l = document.createElement("label");
  l.textContent = label;
  wrap.append(l);
  const points = get(doc, path) || [];
  points.forEach((p, i) => {
    const row = document.createElement("div");
    row.className = "point";
    const n = document.createElement("span");
    n.textContent = `${p.number || i + 1}.`;
    const t = document.createElement("textarea");
    t.dataset.path = `${path}.${i}.text`;
    t.value = p.text || "";
    t.rows = 2;
    t.addEventListener("input", () => {
      p.text = t.value;
      changed(doc);
    });
    const del = document.createElement("button");
    del.type = "button";
    del.className = "small";
    del.textContent = "×";
    del.title = "Удалить пункт";
    del.addEventListener("click", () => {
      points.splice(i, 1);
      changed(doc, true);
    });
    row.append(n, t, del);
    const msg = document.createElement("div");
    msg.className = "field-msg";
    msg.dataset.for = `${path}.${i}`;
    wrap.append(row, msg);
  });
  const add = document.createElement("button");
  add.type = "button";
  add.textContent = "+ пункт";
  add.addEventListener("click", () => {
    points.push({ text: "Новый пункт." });
    set(doc, path, points);
    changed(doc, true);
  });
  wrap.append(add);
  return wrap;
}

/// Puts each message under the field of its path (or of the nearest path above it).
export function showFieldMessages(form, messages) {
  for (const m of form.querySelectorAll(".field-msg")) {
    m.textContent = "";
    m.className = "field-msg";
  }
  for (const i of form.querySelectorAll(".invalid")) i.classList.remove("invalid");
  const targets = [...form.querySelectorAll(".field-msg")];
  for (const m of messages) {
    if (!m.path) continue;
    // «order.body.points[2].text» → «order.body.points.2.text»
    const path = m.path.replace(/\[(\d+)\]/g, ".$1");
    const target = targets
      .filter((t) => path === t.dataset.for || path.startsWith(t.dataset.for + "."))
      .sort((a, b) => b.dataset.for.length - a.dataset.for.length)[0];
    if (!target) continue;
    target.textContent = (target.textContent ? target.textContent + " · " : "") + m.message;
    if (m.severity === "warning") target.classList.add("warning");
    const input = form.querySelector(`[data-path="${CSS.escape(target.dataset.for)}"]`) ||
      form.querySelector(`[data-path^="${CSS.escape(target.dataset.for)}."]`);
    if (input && m.severity === "error") input.classList.add("invalid");
  }
}
