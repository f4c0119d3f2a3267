// Building DOM from untrusted data. Article text, titles, actor and place
// names all come from news articles: they are only ever set as text nodes
// (textContent / createTextNode), never parsed as HTML.

/** el('div', {class: 'x', dir: 'rtl'}, 'text', childNode, ...) */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "onclick") node.addEventListener("click", value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  append(node, children);
  return node;
}

export function append(node, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

/**
 * The text as text nodes and <mark> elements, one mark per highlighted stretch.
 * spans: [{start, end, cls, title}] in Unicode code points (the API's offsets
 * are Python string offsets), possibly overlapping; where they overlap the
 * span listed first wins (the caller lists the selected event's evidence first).
 */
export function highlight(text, spans) {
  const chars = Array.from(text); // code points, so offsets match Python's
  const n = chars.length;
  const clean = spans
    .map((s, order) => ({ ...s, order, start: clamp(s.start, 0, n), end: clamp(s.end, 0, n) }))
    .filter((s) => s.end > s.start);
  const cuts = new Set([0, n]);
  for (const s of clean) { cuts.add(s.start); cuts.add(s.end); }
  const bounds = [...cuts].sort((a, b) => a - b);
  // Which span shows on each stretch between two cuts; neighbouring stretches
  // shown by the same span become one <mark>, so a quote stays one element.
  const runs = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const [a, b] = [bounds[i], bounds[i + 1]];
    let cover = null;
    for (const s of clean) {
      if (s.start <= a && s.end >= b && (cover === null || s.order < cover.order)) cover = s;
    }
    const last = runs[runs.length - 1];
    if (last && last.cover === cover) last.end = b;
    else runs.push({ start: a, end: b, cover });
  }
  const fragment = document.createDocumentFragment();
  for (const { start, end, cover } of runs) {
    const piece = chars.slice(start, end).join("");
    if (cover === null) {
      fragment.append(document.createTextNode(piece));
      continue;
    }
    const mark = document.createElement("mark");
    mark.className = cover.cls || "";
    if (cover.title) mark.title = cover.title;
    if (cover.id) mark.dataset.eventId = cover.id;
    mark.textContent = piece;
    fragment.append(mark);
  }
  return fragment;
}

function clamp(x, lo, hi) {
  x = Number.isFinite(x) ? Math.trunc(x) : lo;
  return Math.max(lo, Math.min(hi, x));
}

/** Only http(s) links become clickable: a javascript: URL in an article stays text. */
export function safeHref(url) {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch {
    return null;
  }
}
