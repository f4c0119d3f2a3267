// Events per day as a bar chart on a canvas. Drag across it to set the date
// filter (brushing); double-click or "clear" to drop it.

const DAY = 86400000;

function parseDay(s) { return Date.UTC(+s.slice(0, 4), +s.slice(5, 7) - 1, +s.slice(8, 10)); }
function formatDay(t) { return new Date(t).toISOString().slice(0, 10); }

export class Timeline {
  constructor(canvas, { onBrush }) {
    this.canvas = canvas;
    this.onBrush = onBrush;
    this.days = []; // [{t, count}] for every day from first to last (gaps = 0)
    this.range = null; // [fromDay, toDay] (ms) while a date filter is set
    this.drag = null;
    canvas.addEventListener("mousedown", (e) => this.startDrag(e));
    window.addEventListener("mousemove", (e) => this.moveDrag(e));
    window.addEventListener("mouseup", (e) => this.endDrag(e));
    canvas.addEventListener("dblclick", () => { this.range = null; this.draw(); this.onBrush(null); });
    new ResizeObserver(() => { this.rebin(); this.draw(); }).observe(canvas);
  }

  /**
   * byDay: [{key: 'YYYY-MM-DD', count}] sorted by day. Every day from the first
   * to the last gets a place (gaps are 0); when there are more days than the
   * canvas has room for, bars hold several days each (this.binDays).
   */
  setData(byDay, range) {
    this.byDay = byDay;
    this.range = range ? range.map(parseDay) : null;
    this.rebin();
    this.draw();
  }

  rebin() {
    this.days = [];
    const byDay = this.byDay || [];
    if (!byDay.length) return;
    const first = parseDay(byDay[0].key);
    const last = parseDay(byDay[byDay.length - 1].key);
    const span = Math.round((last - first) / DAY) + 1;
    const maxBars = Math.max(10, Math.floor(this.geometry().fullW / 3));
    this.binDays = Math.max(1, Math.ceil(span / maxBars));
    const bins = Math.ceil(span / this.binDays);
    for (let i = 0; i < bins; i++) {
      this.days.push({ t: first + i * this.binDays * DAY, end: first + ((i + 1) * this.binDays - 1) * DAY, count: 0 });
    }
    for (const d of byDay) {
      this.days[Math.floor(Math.round((parseDay(d.key) - first) / DAY) / this.binDays)].count += d.count;
    }
  }

  geometry() {
    const ratio = window.devicePixelRatio || 1;
    const width = this.canvas.clientWidth;
    const height = this.canvas.clientHeight;
    const pad = { left: 36, right: 10, top: 8, bottom: 18 };
    const fullW = Math.max(1, width - pad.left - pad.right);
    // a few days should look like a few bars, not a wall: at most 40 px a bar
    const plotW = this.days.length ? Math.min(fullW, this.days.length * 40) : fullW;
    return { ratio, width, height, pad, fullW, plotW, plotH: Math.max(1, height - pad.top - pad.bottom) };
  }

  xOfIndex(i, g) { return g.pad.left + (i / Math.max(1, this.days.length)) * g.plotW; }

  indexOfX(x, g) {
    const i = Math.floor(((x - g.pad.left) / g.plotW) * this.days.length);
    return Math.max(0, Math.min(this.days.length - 1, i));
  }

  draw() {
    const g = this.geometry();
    const ctx = this.canvas.getContext("2d");
    this.canvas.width = Math.round(g.width * g.ratio);
    this.canvas.height = Math.round(g.height * g.ratio);
    ctx.setTransform(g.ratio, 0, 0, g.ratio, 0, 0);
    ctx.clearRect(0, 0, g.width, g.height);
    ctx.font = "11px system-ui, sans-serif";
    ctx.fillStyle = "#555";
    if (!this.days.length) {
      ctx.fillText("No dated events for these filters", g.pad.left, g.pad.top + 14);
      return;
    }
    const max = Math.max(...this.days.map((d) => d.count), 1);
    const barW = g.plotW / this.days.length;
    const [lo, hi] = this.range || [-Infinity, Infinity];
    this.days.forEach((d, i) => {
      const h = (d.count / max) * g.plotH;
      ctx.fillStyle = d.end >= lo && d.t <= hi ? "#b22222" : "#c9b7b7";
      ctx.fillRect(this.xOfIndex(i, g), g.pad.top + g.plotH - h, Math.max(1, barW - (barW > 3 ? 1 : 0)), h);
    });
    // axis labels: the count scale and the first, middle and last days
    ctx.fillStyle = "#555";
    ctx.textAlign = "right";
    ctx.fillText(String(max), g.pad.left - 4, g.pad.top + 9);
    if (this.binDays > 1) {
      ctx.textAlign = "left";
      ctx.fillText(`bars of ${this.binDays} days`, g.pad.left + 4, g.pad.top + 9);
      ctx.textAlign = "right";
    }
    ctx.fillText("0", g.pad.left - 4, g.pad.top + g.plotH);
    ctx.textAlign = "left";
    ctx.fillText(formatDay(this.days[0].t), g.pad.left, g.height - 4);
    if (this.days.length > 1 && g.plotW > 160) {  // room for both labels
      ctx.textAlign = "right";
      ctx.fillText(formatDay(this.days[this.days.length - 1].end), g.pad.left + g.plotW, g.height - 4);
    }
    if (this.days.length > 2 && g.plotW > 320) {
      ctx.textAlign = "center";
      ctx.fillText(formatDay(this.days[Math.floor(this.days.length / 2)].t), g.pad.left + g.plotW / 2, g.height - 4);
    }
    if (this.range && !this.drag) {  // the date filter in force, as a band
      const inside = this.days.map((d, i) => (d.end >= lo && d.t <= hi ? i : -1)).filter((i) => i >= 0);
      if (inside.length) {
        const x0 = this.xOfIndex(inside[0], g);
        ctx.fillStyle = "rgba(178, 34, 34, 0.10)";
        ctx.fillRect(x0, g.pad.top, this.xOfIndex(inside[inside.length - 1] + 1, g) - x0, g.plotH);
      }
    }
    if (this.drag) {
      const [a, b] = [this.drag.from, this.drag.to].sort((x, y) => x - y);
      ctx.fillStyle = "rgba(178, 34, 34, 0.15)";
      ctx.fillRect(this.xOfIndex(a, g), g.pad.top, this.xOfIndex(b + 1, g) - this.xOfIndex(a, g), g.plotH);
    }
  }

  localX(e) { return e.clientX - this.canvas.getBoundingClientRect().left; }

  startDrag(e) {
    if (!this.days.length) return;
    const i = this.indexOfX(this.localX(e), this.geometry());
    this.drag = { from: i, to: i };
    e.preventDefault();
  }

  moveDrag(e) {
    if (!this.drag) return;
    this.drag.to = this.indexOfX(this.localX(e), this.geometry());
    this.draw();
  }

  endDrag() {
    if (!this.drag) return;
    const [a, b] = [this.drag.from, this.drag.to].sort((x, y) => x - y);
    this.drag = null;
    const range = [formatDay(this.days[a].t), formatDay(this.days[b].end)];
    this.range = range.map(parseDay);
    this.draw();
    this.onBrush(range);
  }
}
