import { say } from "/static/team/common.js";

const form = document.getElementById("form");
form.addEventListener("submit", async (e) => {
  e.preventDefault();
  const button = form.querySelector("button");
  button.disabled = true;
  say("Проверяю…");
  try {
    const r = await fetch("/api/login", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ login: form.login.value, password: form.password.value }),
    });
    const body = await r.json().catch(() => ({}));
    if (!r.ok) {
      say(body.error || `${r.status} ${r.statusText}`, true);
      form.password.select();
      return;
    }
    // Only a path of this server (never another site) is followed after the login.
    const next = new URLSearchParams(location.search).get("next") || "/";
    location.href = next.startsWith("/") && !next.startsWith("//") ? next : "/";
  } catch (err) {
    say(`Сервер не ответил: ${err.message}`, true);
  } finally {
    button.disabled = false;
  }
});
