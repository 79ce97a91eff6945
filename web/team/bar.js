// The editor page on the workspace server: the way back to the list, the versions, the
// user, «Выйти», and the comparison with the signed version (also when the page is
// opened with ?compare=signed from the versions page).
import { me, call, refusal, showUser } from "/static/team/common.js";
import { documentId } from "/static/api.js";

const header = document.querySelector("header");

function link(href, label) {
  const a = document.createElement("a");
  a.href = href;
  a.textContent = label;
  return a;
}

async function compareWithSigned() {
  const r = await call(`/api/documents/${documentId}/signed`);
  if (!r.ok) {
    const status = document.getElementById("status");
    status.textContent = await refusal(r);
    status.className = "error";
    return;
  }
  const { version, text } = await r.json();
  document.dispatchEvent(new CustomEvent("prikaz:compare", { detail: { name: `подписанной версией ${version}`, text } }));
}

async function start() {
  const { user } = await me();
  header.prepend(link("/", "← Документы"));
  const who = document.createElement("span");
  who.id = "who";
  const logout = document.createElement("button");
  logout.id = "logout";
  logout.type = "button";
  logout.textContent = "Выйти";
  const signed = document.createElement("button");
  signed.type = "button";
  signed.textContent = "Сравнить с подписанной";
  signed.title = "Что изменилось после версии, отмеченной как подписанная";
  signed.addEventListener("click", compareWithSigned);
  // What this save changes, kept with the version («номер приказа», «сроки раздела 2»).
  const comment = document.createElement("input");
  comment.id = "version-comment";
  comment.type = "text";
  comment.placeholder = "комментарий к версии";
  comment.title = "Сохраняется вместе со следующей версией и виден в списке версий";
  comment.size = 22;
  document.getElementById("save").before(comment);
  header.append(link(`/documents/${documentId}/versions`, "Версии"), signed, who, logout);
  showUser(user);
  // The local editor's file tools do not apply: documents live on the server.
  for (const id of ["open-file", "save-as"]) document.getElementById(id).hidden = true;
  document.getElementById("new").closest("label").hidden = true;
  if (new URLSearchParams(location.search).get("compare") === "signed") {
    // Once the document itself is shown.
    if (document.body.dataset.loaded) compareWithSigned();
    else document.addEventListener("prikaz:loaded", compareWithSigned, { once: true });
  }
}

start();
