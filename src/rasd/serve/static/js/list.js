// The list of events matching the filters, one page at a time.
import { clear, el } from "./dom.js";
import { typeClass } from "./types.js";

export class EventList {
  constructor(container, { onSelect, onPage }) {
    this.container = container;
    this.onSelect = onSelect;
    this.onPage = onPage;
  }

  show(page) {
    clear(this.container);
    const { total, offset, events, limit } = page;
    const last = Math.min(total, offset + events.length);
    const pager = el("div", { class: "pager" },
      el("button", { type: "button", class: "prev", disabled: offset === 0,
                     onclick: () => this.onPage(Math.max(0, offset - limit)) }, "‹ Previous"),
      el("span", { class: "range" }, total ? `${offset + 1}–${last} of ${total.toLocaleString("en")}` : "No events"),
      el("button", { type: "button", class: "next", disabled: last >= total,
                     onclick: () => this.onPage(offset + limit) }, "Next ›"));
    const body = el("tbody");
    for (const e of events) {
      const row = el("tr", { class: "event-row", tabindex: 0, "data-event-id": e.event_id },
        el("td", { class: "date" }, e.event_date || "—"),
        el("td", {}, el("span", { class: `swatch ${typeClass(e.event_type)}` }), e.sub_event_type || e.event_type),
        el("td", {}, e.location || e.admin1 || e.country || "—",
           e.location_ar ? el("div", { class: "ar small", dir: "rtl", lang: "ar" }, e.location_ar) : null),
        el("td", { class: "num" }, String(e.fatalities ?? 0)));
      row.addEventListener("click", () => this.onSelect(e.event_id));
      row.addEventListener("keydown", (k) => { if (k.key === "Enter") this.onSelect(e.event_id); });
      body.append(row);
    }
    this.container.append(
      pager,
      el("table", { class: "events" },
        el("thead", {}, el("tr", {}, el("th", {}, "Date"), el("th", {}, "Type"), el("th", {}, "Location"),
                         el("th", { class: "num", title: "Fatalities" }, "Killed"))),
        body));
  }

  select(eventId) {
    for (const row of this.container.querySelectorAll("tr.selected")) row.classList.remove("selected");
    for (const row of this.container.querySelectorAll("tr.event-row")) {
      if (row.dataset.eventId === eventId) row.classList.add("selected");
    }
  }
}
