// The editor never loses typed work: every change is kept in the browser's storage as a
// draft of the document it belongs to (the opened file's name, or the new document), and
// offered back when the page is opened again after a reload, a crash or a closed tab.
// The undo history lives here too: one step per change, typing in one field merged.

const PREFIX = "prikaz-draft:";

/// Every draft kept: [{key, text, base, savedAt}], newest first.
export function allDrafts() {
  const out = [];
  try {
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i);
      if (!k || !k.startsWith(PREFIX)) continue;
      const d = loadDraft(k.slice(PREFIX.length));
      if (d) out.push({ key: k.slice(PREFIX.length), ...d });
    }
  } catch {
    /* storage switched off: no drafts */
  }
  return out.sort((a, b) => b.savedAt - a.savedAt);
}

/// The draft kept for `key`: {text, savedAt, base} or null.
export function loadDraft(key) {
  try {
    const raw = localStorage.getItem(PREFIX + key);
    return raw ? JSON.parse(raw) : null;
  } catch {
    return null;
  }
}

/// Keeps `text` as the draft of `key`; `base` is the text it was made from (the file as
/// opened or last saved), so a draft equal to it is no draft.
export function keepDraft(key, text, base) {
  try {
    if (text === base) {
      localStorage.removeItem(PREFIX + key);
      return true;
    }
    const fresh = localStorage.getItem(PREFIX + key) === null;
    localStorage.setItem(PREFIX + key, JSON.stringify({ text, base, savedAt: Date.now() }));
    // Bounded: the 20 newest drafts stay, older ones go. Looked at only when a draft is
    // new, not on every keystroke (every draft is read to sort them).
    if (fresh) for (const old of allDrafts().slice(20)) localStorage.removeItem(PREFIX + old.key);
    return true;
  } catch {
    // Storage full or switched off: the caller tells the user the draft is not kept.
    return false;
  }
}

export function dropDraft(key) {
  try {
    localStorage.removeItem(PREFIX + key);
  } catch {
    /* nothing kept, nothing to drop */
  }
}

/// Undo and redo over whole document texts.
export class History {
  constructor(text) {
    this.reset(text);
  }

  reset(text) {
    this.steps = [text];
    this.at = 0;
    this.lastSource = null;
    this.lastTime = 0;
  }

  /// Records `text` after a change from `source` (a field's path, "grid", "json" …): a
  /// change from the same source within a second replaces the step before (typing a word
  /// is one step), any other change is a new step.
  record(text, source) {
    if (text === this.steps[this.at]) return;
    const now = Date.now();
    const merge = source && source === this.lastSource && now - this.lastTime < 1000 && this.at > 0;
    this.steps.length = this.at + 1;
    if (merge) this.steps[this.at] = text;
    else {
      this.steps.push(text);
      this.at++;
    }
    // Bounded: a long session keeps its last 200 steps.
    if (this.steps.length > 200) {
      this.steps.shift();
      this.at--;
    }
    this.lastSource = source;
    this.lastTime = now;
  }

  /// Ends the current merge, so the next change is a step of its own.
  cut() {
    this.lastSource = null;
  }

  undo() {
    this.cut();
    return this.at > 0 ? this.steps[--this.at] : null;
  }

  redo() {
    this.cut();
    return this.at < this.steps.length - 1 ? this.steps[++this.at] : null;
  }
}
