// Every request of the page goes through here: it carries the run's token, which the
// server printed in the address it opened (`/?token=…`). The page keeps the token for the
// tab's life and takes it out of the address bar, so a copied link does not carry it.

const KEY = "prikaz-token";
const fromAddress = new URLSearchParams(location.search).get("token");
if (fromAddress) {
  sessionStorage.setItem(KEY, fromAddress);
  const clean = new URL(location.href);
  clean.searchParams.delete("token");
  history.replaceState(null, "", clean);
}

/// The token of this run, or "" when the page was opened without one.
export function token() {
  return sessionStorage.getItem(KEY) || "";
}

// Whether the page's document is the file `serve` opened: if not (a sample, a file the
// browser opened, a new one), the names it holds (a logo) are looked up, and pictures
// sent, in the server's folder for such documents, not beside the opened file.
let scratch = true;

/// Says whether the page now shows the opened file.
export function showingOpenedFile(yes) {
  scratch = !yes;
}

// On the workspace server (`serve --workspace`) the page edits one document of the
// server's, `/documents/N`: its calls go to that document's API, carry the session's CSRF
// token instead of the run's token, and a finished session goes to the login page.
const team = location.pathname.match(/^\/documents\/(\d+)\/?$/);
export const documentId = team ? team[1] : null;
let csrf = "";

async function teamApi(path, options) {
  path = path.replace(/^\/api\/(file|render|validate|context|picture|tracked)\b/, `/api/documents/${documentId}/$1`);
  const headers = new Headers(options.headers || {});
  const method = (options.method || "GET").toUpperCase();
  if (method !== "GET" && method !== "HEAD") {
    if (!csrf) {
      const me = await fetch("/api/me");
      if (me.ok) csrf = (await me.json()).csrf;
    }
    headers.set("x-csrf-token", csrf);
  }
  // A save carries the comment typed beside «Сохранить» (web/team/bar.js), cleared once saved.
  const comment = document.getElementById("version-comment");
  const saving = method === "PUT" && path.endsWith("/file") && comment && comment.value.trim();
  if (saving) options = { ...options, body: JSON.stringify({ ...JSON.parse(options.body), comment: comment.value.trim() }) };
  const r = await fetch(path, { ...options, headers });
  if (r.status === 401) location.href = `/login?next=${encodeURIComponent(location.pathname)}`;
  if (saving && r.ok) comment.value = "";
  return r;
}

if (documentId) import("/static/team/bar.js");

/// `fetch` with the token (and `scratch=1` where the folder matters).
export function api(path, options = {}) {
  if (documentId) return teamApi(path, options);
  const headers = new Headers(options.headers || {});
  headers.set("authorization", `Bearer ${token()}`);
  if (scratch && /^\/api\/(render|validate|picture|context)\b/.test(path)) path += (path.includes("?") ? "&" : "?") + "scratch=1";
  return fetch(path, { ...options, headers });
}
