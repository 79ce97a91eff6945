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

/// `fetch` with the token (and `scratch=1` where the folder matters).
export function api(path, options = {}) {
  const headers = new Headers(options.headers || {});
  headers.set("authorization", `Bearer ${token()}`);
  if (scratch && /^\/api\/(render|validate|picture|context)\b/.test(path)) path += (path.includes("?") ? "&" : "?") + "scratch=1";
  return fetch(path, { ...options, headers });
}
