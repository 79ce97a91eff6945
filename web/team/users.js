// Users, for administrators: the list, a new user with a made-up password shown once, a
// new password, removal.
import { me, call, refusal, say, showUser, cell, button } from "/static/team/common.js";

const $ = (id) => document.getElementById(id);
let self = null;

async function show() {
  const r = await call("/api/users");
  if (!r.ok) return say(await refusal(r), true);
  const list = $("list");
  list.replaceChildren();
  for (const u of await r.json()) {
    const tr = document.createElement("tr");
    cell(tr, u.login);
    cell(tr, u.name);
    cell(tr, u.role_name);
    cell(tr, u.org || "—");
    const actions = cell(tr, "");
    actions.className = "actions";
    actions.append(button("Новый пароль", async () => {
      if (!confirm(`Задать ${u.login} новый пароль? Его сеансы закончатся.`)) return;
      const a = await call(`/api/users/${encodeURIComponent(u.login)}/password`, {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: "{}",
      });
      if (!a.ok) return say(await refusal(a), true);
      say(`Новый пароль ${u.login}: ${(await a.json()).password} — передайте его пользователю; больше он не показывается`);
    }));
    if (u.login !== self.login) {
      actions.append(button("Удалить", async () => {
        if (!confirm(`Удалить ${u.login}? Войти он больше не сможет; его версии документов останутся.`)) return;
        const a = await call(`/api/users/${encodeURIComponent(u.login)}`, { method: "DELETE" });
        if (!a.ok) return say(await refusal(a), true);
        say(`${u.login} удалён`);
        show();
      }));
    }
    list.append(tr);
  }
}

$("new").addEventListener("submit", async (e) => {
  e.preventDefault();
  const body = { login: $("login").value, name: $("name").value, role: $("role").value };
  if ($("org").value.trim()) body.org = $("org").value;
  const r = await call("/api/users", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!r.ok) return say(await refusal(r), true);
  const u = await r.json();
  say(`Добавлен ${u.login}, пароль: ${u.password} — передайте его пользователю; больше он не показывается`);
  $("new").reset();
  show();
});

async function start() {
  ({ user: self } = await me());
  showUser(self);
  await show();
}

start();
