// The event panel: every field of one event, its sources, and the source
// article in Arabic (right to left) with the evidence highlighted.
import { clear, el, highlight, safeHref } from "./dom.js";
import { typeClass } from "./types.js";

const PRECISION = { 1: "day", 2: "week or range", 3: "month" };
const GEO_PRECISION = { 1: "the place itself", 2: "near / part of a region", 3: "province or larger" };

export class EventPanel {
  constructor(container, { onClose, onSelect, loadArticle }) {
    this.container = container;
    this.onClose = onClose;
    this.onSelect = onSelect;
    this.loadArticle = loadArticle;
  }

  hide() {
    this.container.hidden = true;
    clear(this.container);
  }

  /** detail: the /api/events/{id} answer; article: the /api/articles/{id} answer. */
  show(detail, article) {
    const e = detail.event;
    clear(this.container);
    this.container.hidden = false;
    this.container.dataset.eventId = e.event_id;
    const field = (label, ...value) => [el("dt", {}, label), el("dd", {}, ...value)];
    const ar = (text) => (text ? el("span", { class: "ar", dir: "rtl", lang: "ar" }, text) : null);
    const orDash = (x) => (x === null || x === undefined || x === "" ? "—" : x);
    const admin = [e.country, e.admin1, e.admin2, e.admin3].filter(Boolean).join(" › ");
    const coords = e.latitude != null && e.longitude != null
      ? `${e.latitude.toFixed(4)}, ${e.longitude.toFixed(4)}` : "unknown";
    const assoc = [...(e.assoc_actor_1 || []), ...(e.assoc_actor_2 || [])];

    this.container.append(
      el("div", { class: "panel-head" },
        el("span", { class: `swatch ${typeClass(e.event_type)}` }),
        el("h2", { class: "event-title" }, `${e.event_type}: ${e.sub_event_type}`),
        el("button", { type: "button", class: "close", "aria-label": "Close", onclick: () => this.onClose() }, "×")),
      el("dl", { class: "fields" },
        field("Date", el("span", { class: "f-date" }, orDash(e.event_date)),
              ` (precision: ${PRECISION[e.time_precision] || e.time_precision})`),
        field("Status", el("span", { class: "f-status" }, e.status)),
        field("Actor 1", el("span", { class: "f-actor1" }, orDash(e.actor1))),
        field("Actor 2", el("span", { class: "f-actor2" }, orDash(e.actor2))),
        assoc.length ? field("Associated", assoc.join("; ")) : [],
        field("Location", el("span", { class: "f-location" }, orDash(e.location)), " ", ar(e.location_ar)),
        field("Admin areas", el("span", { class: "f-admin" }, orDash(admin))),
        field("Coordinates", `${coords} (precision: ${GEO_PRECISION[e.geo_precision] || e.geo_precision})`),
        field("Fatalities", el("span", { class: "f-fatalities" }, String(e.fatalities))),
        field("Injuries", el("span", { class: "f-injuries" }, String(e.injuries))),
        field("Notes", el("span", { class: "f-notes" }, orDash(e.notes))),
        field("Event id", el("code", {}, e.event_id))),
      this.evidenceList(e),
      this.sourceList(detail.sources, article ? article.article.id : null),
      article ? this.articleView(article, e) : el("p", { class: "muted" }, "Source article not in the store."));
    const first = this.container.querySelector(".article-text mark.current");
    if (first) first.scrollIntoView({ block: "center" });
  }

  evidenceList(e) {
    if (!e.evidence || !e.evidence.length) return el("p", { class: "muted" }, "No evidence recorded.");
    return el("section", { class: "evidence" },
      el("h3", {}, "Evidence"),
      ...e.evidence.map((ev) => el("blockquote", { class: "ar", dir: "rtl", lang: "ar" }, ev.text)));
  }

  sourceList(sources, shownId) {
    return el("section", { class: "sources" },
      el("h3", {}, sources.length > 1 ? `Sources (${sources.length} articles report this event)` : "Source"),
      el("ul", {}, ...sources.map((s) => {
        const title = el("span", { class: "ar", dir: "auto", lang: "ar" }, s.title || s.id);
        const item = el("li", { class: s.id === shownId ? "shown" : "" },
          el("button", { type: "button", class: "link", onclick: () => this.loadArticle(s.id) }, title),
          el("span", { class: "muted" }, ` ${[s.source, s.published].filter(Boolean).join(", ")} `));
        const href = s.url && safeHref(s.url);
        if (href) item.append(el("a", { href, target: "_blank", rel: "noopener noreferrer nofollow" }, "original ↗"));
        return item;
      })));
  }

  /**
   * The article text, right to left, with this event's evidence in <mark class="current">
   * and the evidence of the article's other events in <mark class="other">.
   * In the event's own article its evidence offsets are used as they are; in another
   * source article (a deduplicated event) the matching report is the one with the
   * same id, or else the same type and date.
   */
  articleView(answer, e) {
    const { article, events } = answer;
    const ownArticle = article.id === e.article_id;
    const isThis = (ev) => ev.event_id === e.event_id
      || (!ownArticle && ev.event_type === e.event_type && ev.event_date === e.event_date);
    const spans = [];
    const current = ownArticle ? e.evidence : events.filter(isThis).flatMap((ev) => ev.evidence);
    for (const s of current) spans.push({ ...s, cls: "current", title: "evidence of this event" });
    for (const ev of events) {
      if (isThis(ev)) continue;
      for (const s of ev.evidence) {
        spans.push({ ...s, cls: "other", title: `${ev.event_type}: ${ev.sub_event_type} (click to open)`, id: ev.event_id });
      }
    }
    const body = el("div", { class: "article-text ar", dir: "rtl", lang: "ar" });
    body.append(highlight(article.text, spans));
    body.addEventListener("click", (click) => {
      const mark = click.target.closest("mark.other");
      if (mark && mark.dataset.eventId) this.onSelect(mark.dataset.eventId);
    });
    return el("section", { class: "article" },
      el("h3", {}, "Source article"),
      el("h4", { class: "article-title ar", dir: "rtl", lang: "ar" }, article.title || article.id),
      el("p", { class: "muted" }, [article.source, article.published].filter(Boolean).join(" · ")),
      body);
  }
}
