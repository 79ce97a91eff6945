// What the workspace server's pages share: requests with the session's CSRF token, the
// logged-in user, dates as people read them, and messages.

let csrf = "";

/// Who is logged in ({user, csrf}); a page without a session goes to the login page.
export async function me() {
  const r = await fetch("/api/me");
  if (r.status === 401) {
    location.href = `/login?next=${encodeURIComponent(location.pathname + location.search)}`;
    return new Promise(() => {});
  }
  const body = await r.json();
  csrf = body.csrf;
  return body;
}

/// `fetch` that sends the CSRF token on every change and goes to the login page when the
/// session is over.
export async function call(path, options = {}) {
  const headers = new Headers(options.headers || {});
  const method = (options.method || "GET").toUpperCase();
  if (method !== "GET" && method !== "HEAD") {
    if (!csrf) await me();
    headers.set("x-csrf-token", csrf);
  }
  const r = await fetch(path, { ...options, headers });
  if (r.status === 401) location.href = `/login?next=${encodeURIComponent(location.pathname)}`;
  return r;
}

/// The server's refusal, in its words.
export async function refusal(r) {
  const body = await r.json().catch(() => ({ error: `${r.status} ${r.statusText}` }));
  // A document with errors answers them as a list, as validate does.
  if (Array.isArray(body.errors) && body.errors.length) {
    return body.errors.slice(0, 3).map((e) => (e.line ? `строка ${e.line}: ${e.message}` : e.message)).join("; ");
  }
  return body.error || `${r.status} ${r.statusText}`;
}

/// «08.12.2026 09:30» in this computer's time.
export function when(iso) {
  const d = new Date(iso);
  if (isNaN(d)) return iso;
  const two = (n) => String(n).padStart(2, "0");
  return `${two(d.getDate())}.${two(d.getMonth() + 1)}.${d.getFullYear()} ${two(d.getHours())}:${two(d.getMinutes())}`;
}

export function say(message, error = false) {
  const status = document.getElementById("status");
  status.textContent = message;
  status.className = error ? "error" : "";
}

/// The header's user and «Выйти».
export function showUser(user) {
  const who = document.getElementById("who");
  const org = user.org ? `, ${user.org}` : "";
  who.textContent = `${user.name} (${user.role_name}${org})`;
  document.getElementById("logout").addEventListener("click", async () => {
    await call("/api/logout", { method: "POST" });
    location.href = "/login";
  });
}

/// Saves a downloaded answer under the name the server gave it.
export async function download(r, fallback) {
  const disposition = r.headers.get("content-disposition") || "";
  const m = disposition.match(/filename\*=UTF-8''([^;]+)/);
  const name = m ? decodeURIComponent(m[1]) : fallback;
  const a = document.createElement("a");
  a.href = URL.createObjectURL(await r.blob());
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

export function cell(row, content) {
  const td = document.createElement("td");
  if (content instanceof Node) td.append(content);
  else td.textContent = content ?? "";
  row.append(td);
  return td;
}

export function button(label, onClick, title = "") {
  const b = document.createElement("button");
  b.type = "button";
  b.textContent = label;
  if (title) b.title = title;
  b.addEventListener("click", onClick);
  return b;
}
