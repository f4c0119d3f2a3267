// The map: offline country and admin1 outlines shipped with rasd, an optional
// tile layer, and one clustered marker per event coloured by event type.
/* global L */
import { el } from "./dom.js";
import { TYPE_COLOURS, typeClass } from "./types.js";

export class EventMap {
  constructor(container, { onSelect, onMove, tiles }) {
    this.onSelect = onSelect;
    this.markers = new Map(); // event_id -> L.Marker
    this.map = L.map(container, { worldCopyJump: true, minZoom: 2, maxZoom: 16 })
      .setView([33.5, 40.0], 5);
    this.map.attributionControl.setPrefix(false);
    if (tiles) {
      L.tileLayer(tiles.url, { attribution: tiles.attribution || "", maxZoom: 18 }).addTo(this.map);
    }
    this.clusters = L.markerClusterGroup({ maxClusterRadius: 40, spiderfyOnMaxZoom: true,
                                           showCoverageOnHover: false });
    this.clusters.addTo(this.map);
    this.map.on("moveend", () => onMove && onMove(this.bbox()));
    this.addLegend();
  }

  async loadBasemap() {
    const style = (weight, dash) => ({ color: "#8a8f98", weight, dashArray: dash,
                                       fillColor: "#f4f1ea", fillOpacity: 1 });
    const [countries, admin1] = await Promise.all(
      ["/static/basemap/countries.geojson", "/static/basemap/admin1.geojson"].map((u) =>
        fetch(u).then((r) => (r.ok ? r.json() : null)).catch(() => null)));
    if (countries) {
      L.geoJSON(countries, { style: style(0.8), interactive: false }).addTo(this.map);
    }
    if (admin1) {
      L.geoJSON(admin1, { style: { ...style(0.6, "3 3"), fillOpacity: 0 }, interactive: false })
        .addTo(this.map);
    }
    this.map.attributionControl.addAttribution("Boundaries: Natural Earth; OCHA (Syria, Iraq)");
    this.clusters.bringToFront?.();
  }

  addLegend() {
    const legend = L.control({ position: "bottomleft" });
    legend.onAdd = () => {
      const box = el("div", { class: "legend", "aria-label": "Event types" });
      for (const type of Object.keys(TYPE_COLOURS)) {
        box.append(el("div", {}, el("span", { class: `swatch ${typeClass(type)}` }), type));
      }
      return box;
    };
    legend.addTo(this.map);
  }

  /** Replace the markers with the features of a GeoJSON FeatureCollection. */
  show(collection, { fit = false } = {}) {
    this.clusters.clearLayers();
    this.markers.clear();
    const markers = [];
    for (const feature of collection.features) {
      const [lon, lat] = feature.geometry.coordinates;
      const p = feature.properties;
      const icon = L.divIcon({ className: `rasd-marker ${typeClass(p.event_type)}`,
                               iconSize: [14, 14], html: "" });
      const marker = L.marker([lat, lon], { icon, keyboard: true, title: "" });
      // A DOM node, not a string: Leaflet would parse a string tooltip as HTML.
      marker.bindTooltip(el("div", {},
        el("strong", {}, p.event_type), el("br"), p.sub_event_type || "", el("br"),
        `${p.event_date || "date unknown"} · ${p.location || ""}`,
        p.location_ar ? " " : null,
        p.location_ar ? el("span", { dir: "rtl", lang: "ar", class: "ar" }, p.location_ar) : null));
      marker.on("add", () => {
        const node = marker.getElement();
        if (node) {
          node.dataset.eventId = feature.id;
          node.setAttribute("aria-label", `${p.event_type} at ${p.location || "unknown place"}`);
          if (feature.id === this.selected) node.classList.add("selected");
        }
      });
      marker.on("click", () => this.onSelect(feature.id));
      this.markers.set(feature.id, marker);
      markers.push(marker);
    }
    this.clusters.addLayers(markers);
    if (fit && markers.length) {
      this.map.fitBounds(this.clusters.getBounds(), { padding: [30, 30], maxZoom: 9 });
    }
  }

  select(eventId) {
    this.selected = eventId;
    for (const node of document.querySelectorAll(".rasd-marker.selected")) node.classList.remove("selected");
    const marker = this.markers.get(eventId);
    if (!marker) return;
    this.clusters.zoomToShowLayer(marker, () => {
      const node = marker.getElement();
      if (node) node.classList.add("selected");
    });
  }

  bbox() {
    const b = this.map.getBounds();
    const clampLon = (x) => Math.max(-180, Math.min(180, x));
    const clampLat = (y) => Math.max(-90, Math.min(90, y));
    return [clampLon(b.getWest()), clampLat(b.getSouth()), clampLon(b.getEast()), clampLat(b.getNorth())]
      .map((x) => x.toFixed(4)).join(",");
  }
}
