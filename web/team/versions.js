// A document's versions: view, download, restore, the mark «подписан».
import { me, call, refusal, when, say, showUser, download, cell, button } from "/static/team/common.js";

const $ = (id) => document.getElementById(id);
const id = location.pathname.match(/^\/documents\/(\d+)/)[1];

async function show() {
  const r = await call(`/api/documents/${id}/versions`);
  if (!r.ok) return say(await refusal(r), true);
  const { document: doc, versions } = await r.json();
  $("title").textContent = doc.title;
  document.title = `Версии: ${doc.title} — prikaz`;
  $("open").href = `/documents/${id}`;
  $("changes").href = `/documents/${id}?compare=signed`;
  $("changes").hidden = !doc.signed;
  const list = $("list");
  list.replaceChildren();
  for (const v of versions) {
    const tr = document.createElement("tr");
    const n = cell(tr, String(v.number));
    if (v.signed) {
      n.textContent += " · подписана";
      n.className = "signed";
    }
    cell(tr, when(v.saved));
    cell(tr, v.author);
    cell(tr, v.comment || "");
    cell(tr, `${Math.max(1, Math.round(v.size / 1024))} КБ`);
    const actions = cell(tr, "");
    actions.className = "actions";
    actions.append(button("Посмотреть", async () => {
      // The version's pages, as they print, in a new tab.
      const tab = window.open("", "_blank");
      const t = await call(`/api/documents/${id}/versions/${v.number}`);
      if (!t.ok) return say(await refusal(t), true);
      const pdf = await call(`/api/documents/${id}/render?format=pdf`, { method: "POST", body: (await t.json()).text });
      if (!pdf.ok) {
        if (tab) tab.close();
        return say(`Версия ${v.number} не собирается: ${await refusal(pdf)}`, true);
      }
      const url = URL.createObjectURL(await pdf.blob());
      if (tab) tab.location = url;
      else location.href = url;
    }, "Страницы этой версии (PDF) в новой вкладке"));
    actions.append(button("Скачать", async () => {
      const d = await call(`/api/documents/${id}/versions/${v.number}?download=1`);
      if (!d.ok) return say(await refusal(d), true);
      await download(d, `версия ${v.number}.json`);
    }, "Скачать эту версию (JSON)"));
    if (doc.editable && v.number !== doc.version) {
      actions.append(button("Восстановить", async () => {
        if (!confirm(`Сделать версию ${v.number} текущей? Более поздние версии останутся в списке.`)) return;
        const d = await call(`/api/documents/${id}/versions/${v.number}/restore`, { method: "POST" });
        if (!d.ok) return say(await refusal(d), true);
        say(`Версия ${v.number} восстановлена как версия ${(await d.json()).version}`);
        show();
      }));
    }
    if (doc.editable) {
      actions.append(button(v.signed ? "Снять отметку" : "Отметить подписанной", async () => {
        const d = await call(`/api/documents/${id}/signed`, {
          method: "PUT",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ version: v.signed ? null : v.number }),
        });
        if (!d.ok) return say(await refusal(d), true);
        say(v.signed ? "Отметка снята" : `Версия ${v.number} отмечена как подписанная`);
        show();
      }, "Отметить версию, которую подписал руководитель"));
    }
    list.append(tr);
  }
}

async function start() {
  const { user } = await me();
  showUser(user);
  await show();
}

start();
