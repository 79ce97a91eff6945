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

/// `fetch` with the token.
export function api(path, options = {}) {
  const headers = new Headers(options.headers || {});
  headers.set("authorization", `Bearer ${token()}`);
  return fetch(path, { ...options, headers });
}
