// The filter form ⇄ the API's query parameters (the same names as /api/events).
import { el } from "./dom.js";

const FIELDS = ["date_from", "date_to", "event_type", "sub_event_type", "country", "admin1",
                "actor", "text", "status", "min_fatalities"];

export class Filters {
  constructor(form, { onChange, taxonomy }) {
    this.form = form;
    this.onChange = onChange;
    this.taxonomy = taxonomy;
    this.bbox = null;
    const types = form.elements.event_type;
    for (const type of Object.keys(taxonomy)) types.append(el("option", { value: type }, type));
    this.fillSubTypes();
    let timer = null;
    form.addEventListener("input", (e) => {
      if (e.target.name === "event_type") this.fillSubTypes();
      clearTimeout(timer);
      // typing in a text box waits for a pause; selects and dates apply at once
      timer = setTimeout(() => this.onChange(), e.target.type === "text" || e.target.type === "search" ? 350 : 0);
    });
    form.addEventListener("submit", (e) => { e.preventDefault(); this.onChange(); });
    form.addEventListener("reset", () => setTimeout(() => { this.fillSubTypes(); this.onChange(); }, 0));
  }

  fillSubTypes() {
    const select = this.form.elements.sub_event_type;
    const type = this.form.elements.event_type.value;
    const keep = select.value;
    while (select.options.length > 1) select.remove(1);
    const subs = type ? this.taxonomy[type] : Object.values(this.taxonomy).flat();
    for (const sub of subs) select.append(el("option", { value: sub }, sub));
    select.value = subs.includes(keep) ? keep : "";
  }

  /** The filter as API parameters; empty fields are left out. */
  params({ withDates = true, withBbox = true } = {}) {
    const out = {};
    for (const name of FIELDS) {
      if (!withDates && (name === "date_from" || name === "date_to")) continue;
      const value = this.form.elements[name].value.trim();
      if (value !== "") out[name] = value;
    }
    if (withBbox && this.form.elements.in_view.checked && this.bbox) out.bbox = this.bbox;
    return out;
  }

  /** Offer the store's most frequent admin1 and actor names as the user types. */
  suggest(stats) {
    for (const [id, rows] of [["admin1-names", stats.by_admin1], ["actor-names", stats.by_actor]]) {
      const list = document.getElementById(id);
      for (const row of rows) if (row.key) list.append(el("option", { value: row.key }));
    }
  }

  /** Restore the form from the page address (#event_type=Battles&country=Syria ...), so views can be shared. */
  fromHash(hash) {
    const params = new URLSearchParams(hash.replace(/^#/, ""));
    for (const name of FIELDS) {
      if (params.has(name)) this.form.elements[name].value = params.get(name);
    }
    this.fillSubTypes();
    if (params.has("sub_event_type")) this.form.elements.sub_event_type.value = params.get("sub_event_type");
  }

  toHash() {
    return new URLSearchParams(this.params({ withBbox: false })).toString();
  }

  setDates(range) {
    this.form.elements.date_from.value = range ? range[0] : "";
    this.form.elements.date_to.value = range ? range[1] : "";
  }

  dates() {
    const from = this.form.elements.date_from.value;
    const to = this.form.elements.date_to.value;
    return from && to ? [from, to] : null;
  }
}
