// The page: filters drive one query; the map, timeline, list and count show
// its answer; a click on a marker, a row or a highlighted span opens the panel.
import { getJSON } from "./api.js";
import { Filters } from "./filters.js";
import { EventList } from "./list.js";
import { EventMap } from "./map.js";
import { EventPanel } from "./panel.js";
import { Timeline } from "./timeline.js";

const PAGE_SIZE = 100;
const MAP_LIMIT = 5000;
const $ = (id) => document.getElementById(id);

function setStatus(message, isError = false) {
  const bar = $("status");
  bar.textContent = message;
  bar.classList.toggle("error", isError);
}

async function main() {
  const meta = await getJSON("/api/meta");
  const state = { offset: 0, sort: "-event_date", selected: null, detail: null, firstLoad: true, seq: 0 };

  const filters = new Filters($("filters"), { taxonomy: meta.event_types, onChange: () => refresh() });
  filters.fromHash(location.hash);
  const map = new EventMap("map", {
    tiles: meta.tiles,
    onSelect: (id) => select(id),
    onMove: (bbox) => {
      filters.bbox = bbox;
      if ($("filters").elements.in_view.checked) refresh();
    },
  });
  const timeline = new Timeline($("timeline"), {
    onBrush: (range) => { filters.setDates(range); refresh(); },
  });
  const list = new EventList($("list"), {
    onSelect: (id) => select(id),
    onPage: (offset) => { state.offset = offset; refreshList(); },
  });
  const panel = new EventPanel($("panel"), {
    onClose: () => { state.selected = null; panel.hide(); list.select(null); map.select(null); },
    onSelect: (id) => select(id),
    loadArticle: async (articleId) => {
      const article = await getJSON(`/api/articles/${encodeURIComponent(articleId)}`);
      panel.show(state.detail, article);
    },
  });
  $("sort").addEventListener("change", (e) => { state.sort = e.target.value; state.offset = 0; refreshList(); });
  $("clear-dates").addEventListener("click", () => { filters.setDates(null); refresh(); });
  await map.loadBasemap();

  async function refreshList() {
    const page = await getJSON("/api/events", { ...filters.params(), limit: PAGE_SIZE,
                                                offset: state.offset, sort: state.sort });
    list.show(page);
    list.select(state.selected);
    return page;
  }

  async function refresh() {
    const seq = ++state.seq; // answers to an older query are dropped
    state.offset = 0;
    setStatus("Loading…");
    history.replaceState(null, "", filters.toHash() ? `#${filters.toHash()}` : location.pathname);
    try {
      const [page, geo, stats] = await Promise.all([
        refreshList(),
        getJSON("/api/events.geojson", { ...filters.params(), limit: MAP_LIMIT, properties: "brief" }),
        // the timeline keeps every day visible so the brush can widen the range again
        getJSON("/api/stats", filters.params({ withDates: false })),
      ]);
      if (seq !== state.seq) return;
      // fit the map to the answer, except when the map view itself is the filter
      map.show(geo, { fit: state.firstLoad || !$("filters").elements.in_view.checked });
      state.firstLoad = false;
      timeline.setData(stats.by_day, filters.dates());
      const onMap = geo.features.length;
      setStatus(`${page.total.toLocaleString("en")} events match` +
        (onMap < page.total ? ` (${onMap.toLocaleString("en")} with coordinates on the map)` : "") +
        ` · ${meta.events.toLocaleString("en")} in the store`);
      document.body.dataset.ready = "1";
    } catch (err) {
      if (seq === state.seq) setStatus(err.message, true);
    }
  }

  async function select(eventId) {
    if (!eventId) return;
    state.selected = eventId;
    try {
      const detail = await getJSON(`/api/events/${encodeURIComponent(eventId)}`);
      const article = await getJSON(`/api/articles/${encodeURIComponent(detail.event.article_id)}`)
        .catch(() => null);
      if (state.selected !== eventId) return;
      state.detail = detail;
      panel.show(detail, article);
      list.select(eventId);
      map.select(eventId);
    } catch (err) {
      setStatus(err.message, true);
    }
  }

  await refresh();
  // suggestions come last: on a big store the unfiltered counts take a moment
  getJSON("/api/stats", { top: 200 }).then((stats) => filters.suggest(stats)).catch(() => {});
}

main().catch((err) => {
  console.error(err);
  setStatus(`The page could not start: ${err && err.message ? err.message : err}`, true);
});
