"""The REST API and the web page of `rasd serve`, one FastAPI app over one Store.

    GET /api/events            filtered, paged, sorted events (JSON)
    GET /api/events.geojson    the same filters as a GeoJSON FeatureCollection
    GET /api/events/{id}       one event with its evidence and its source articles
    GET /api/articles/{id}     one article's text and the evidence spans of all its events
    GET /api/stats             counts by day, type, admin1 and actor (the page's charts)
    GET /api/meta              the event taxonomy and the size of the store
    GET /docs, /openapi.json   the API described (Swagger UI served locally)
    GET /                      the page (map, timeline, filters, list, event panel)

Events are serialised by Event.to_dict(), the same serialiser the CLI and the
exports use, so every interface shows one event the same way.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Literal
from urllib.parse import urlsplit

from fastapi import Depends, FastAPI, HTTPException, Path as PathParam, Query, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles

from rasd import __version__
from rasd.errors import RasdError
from rasd.model import EVENT_TYPES, Event
from rasd.serve import schemas
from rasd.serve.geojson import BRIEF_FIELDS, brief_feature_collection, events_to_feature_collection
from rasd.serve.params import Sort, event_filter
from rasd.store import EventFilter

STATIC_DIR = Path(__file__).parent / "static"
MAX_PAGE = 1000  # events per page of /api/events
MAX_MAP = 10_000  # features per /api/events.geojson response
# Ids are opaque strings and may hold "/" (a feed entry's id is often its URL):
# the routes take the rest of the path; control characters are refused.
ID_PATTERN = r"^[^\x00-\x1f]{1,2000}$"

# The page builds every node from data with textContent; this policy is a
# second wall should a bug ever insert text as HTML: no inline or foreign script.
PAGE_CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
            "frame-ancestors 'none'")


def create_app(store: Any = None, *, db: str | None = None,
               open_store: Callable[[str | None], Any] | None = None,
               tiles: str | None = None, tiles_attribution: str = "") -> FastAPI:
    """Build the app over `store` (kept open by the caller), or open `db` for the app's lifetime.

    tiles: an optional XYZ tile URL template ("https://tile.example.org/{z}/{x}/{y}.png")
    drawn under the shipped boundaries; without it the page needs no network at all.
    """

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        owned = None
        if store is None:
            opener = open_store
            if opener is None:
                from rasd.store import open_store as opener
            owned = app.state.store = opener(db)
        try:
            yield
        finally:
            if owned is not None:
                owned.close()

    app = FastAPI(
        title="rasd API",
        version=__version__,
        description="Structured conflict events (ACLED-style) extracted from Arabic news "
                    "reports, with the evidence for every event. Schema: spec §2.",
        lifespan=lifespan,
        docs_url=None,  # served below with the locally vendored Swagger UI (works offline)
        redoc_url=None,
    )
    app.state.store = store
    app.state.tiles = {"url": tiles, "attribution": tiles_attribution} if tiles else None
    app.state.page_csp = _page_csp(tiles)

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url=app.openapi_url, title="rasd API",
            swagger_js_url="/static/vendor/swagger-ui/swagger-ui-bundle.js",
            swagger_css_url="/static/vendor/swagger-ui/swagger-ui.css",
            swagger_favicon_url="/static/favicon.svg",
        )

    @app.exception_handler(RasdError)
    async def store_failed(request: Request, exc: RasdError) -> JSONResponse:
        # Input is validated before the store is asked, so a store error here is
        # the server's problem (database gone, corrupt file): one line, no traceback.
        return JSONResponse({"detail": f"the event store could not answer: {exc}"}, status_code=503)

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> JSONResponse:
        # One readable line ("limit: Input should be less than or equal to 1000"),
        # the same shape as every other error of this API, plus the details.
        errors = jsonable_encoder(exc.errors(), exclude={"ctx", "url", "input"})
        detail = "; ".join(f"{'.'.join(str(p) for p in e['loc'][1:]) or e['loc'][0]}: {e['msg']}" for e in errors)
        return JSONResponse({"detail": detail, "errors": errors}, status_code=422)

    _add_api_routes(app)
    _add_page_routes(app)
    return app


def get_store(request: Request) -> Any:
    """FastAPI dependency: the Store this app serves."""
    return request.app.state.store


StoreDep = Annotated[Any, Depends(get_store)]
# Every error of the API has the same body: {"detail": "one line", ...}.
PROBLEMS = {422: {"model": schemas.Problem, "description": "invalid parameters"},
            503: {"model": schemas.Problem, "description": "the store could not answer"}}
NOT_FOUND = {404: {"model": schemas.Problem, "description": "no such id"}}
FilterDep = Annotated[EventFilter, Depends(event_filter)]


def _add_api_routes(app: FastAPI) -> None:
    @app.get("/api/events", response_model=schemas.EventPage, tags=["events"],
             summary="Events matching the filters, paged and sorted", responses=PROBLEMS)
    def list_events(store: StoreDep, f: FilterDep,
                    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 100,
                    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
                    sort: Annotated[Sort, Query(description="field, '-' prefix for descending")] = "-event_date",
                    ) -> JSONResponse:
        events = store.query_events(f, limit=limit, offset=offset, sort=sort)
        total = store.count_events(f)
        return JSONResponse({"total": total, "limit": limit, "offset": offset, "sort": sort,
                             "events": [e.to_dict() for e in events]})

    @app.get("/api/events.geojson", response_model=schemas.FeatureCollection, tags=["events"],
             summary="Events matching the filters as GeoJSON points (events without coordinates are left out)",
             responses={200: {"content": {"application/geo+json": {}}}, **PROBLEMS})
    def events_geojson(store: StoreDep, f: FilterDep,
                       limit: Annotated[int, Query(ge=1, le=MAX_MAP)] = 5000,
                       offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
                       sort: Annotated[Sort, Query()] = "-event_date",
                       properties: Annotated[Literal["full", "brief"], Query(
                           description="full: every field of spec §2; brief: what a map marker needs")] = "full",
                       ) -> JSONResponse:
        if properties == "brief":
            # A marker needs ten columns: read only those, build no Event (thousands per map).
            rows = store.query_columns(f, (*BRIEF_FIELDS, "latitude", "longitude"),
                                       limit=limit, offset=offset, sort=sort)
            collection = brief_feature_collection(rows)
        else:
            events = store.query_events(f, limit=limit, offset=offset, sort=sort)
            collection = events_to_feature_collection(events, brief=properties == "brief")
        collection["total"] = store.count_events(f)
        return JSONResponse(collection, media_type="application/geo+json")

    @app.get("/api/events/{event_id:path}", response_model=schemas.EventDetail, tags=["events"],
             summary="One event with its evidence and the articles that report it",
             responses={**NOT_FOUND, **PROBLEMS})
    def get_event(store: StoreDep,
                  event_id: Annotated[str, PathParam(pattern=ID_PATTERN)]) -> JSONResponse:
        event = store.get_event(event_id)
        if event is None:
            raise HTTPException(404, f"no event with id {event_id!r}")
        # One query for all sources, their texts left unread (a merged event may have dozens).
        article_ids = event.sources or [event.article_id]
        known = store.article_sources(article_ids)
        sources = [_article_summary(article_id, **known.get(article_id, {})) for article_id in article_ids]
        return JSONResponse({"event": event.to_dict(), "sources": sources})

    @app.get("/api/articles/{article_id:path}", response_model=schemas.ArticleDetail, tags=["articles"],
             summary="One article's text with the evidence spans of every event found in it",
             responses={**NOT_FOUND, **PROBLEMS})
    def get_article(store: StoreDep,
                    article_id: Annotated[str, PathParam(pattern=ID_PATTERN)]) -> JSONResponse:
        article = store.get_article(article_id)
        if article is None:
            raise HTTPException(404, f"no article with id {article_id!r}")
        events = store.events_of_article(article_id)
        summary = _article_summary(article.id, title=article.title, published=article.published,
                                   source=article.source, url=article.url)
        return JSONResponse({"article": {**summary, "text": article.text},
                             "events": [_event_spans(e) for e in events]})

    @app.get("/api/stats", response_model=schemas.Stats, tags=["stats"],
             summary="Counts of matching events by day, event type, admin1 and actor", responses=PROBLEMS)
    def stats(store: StoreDep, f: FilterDep,
              top: Annotated[int, Query(ge=1, le=500, description="keep the N largest admin1/actor counts")] = 20,
              ) -> JSONResponse:
        raw = store.stats(f, top=top)
        return JSONResponse({"total": raw["total"], "fatalities": raw["fatalities"],
                             "by_day": _stats_rows(raw["by_day"]),
                             "by_type": _stats_rows(raw["by_event_type"]),
                             "by_admin1": _stats_rows(raw["by_admin1"]),
                             "by_actor": _stats_rows(raw["by_actor"])})

    @app.get("/api/meta", response_model=schemas.Meta, tags=["stats"],
             summary="The event taxonomy, how many events the store holds, the optional tile layer",
             responses=PROBLEMS)
    def meta(store: StoreDep) -> JSONResponse:
        return JSONResponse({"version": __version__,
                             "event_types": {k: list(v) for k, v in EVENT_TYPES.items()},
                             "events": store.count_events(EventFilter()),
                             "tiles": app.state.tiles})


def _add_page_routes(app: FastAPI) -> None:
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC_DIR / "index.html", media_type="text/html",
                            headers={"Content-Security-Policy": app.state.page_csp,
                                     "X-Content-Type-Options": "nosniff",
                                     "Cache-Control": "no-cache"})


def _page_csp(tiles: str | None) -> str:
    """PAGE_CSP, letting images come from the tile server when one is configured."""
    if not tiles:
        return PAGE_CSP
    parts = urlsplit(tiles)
    host = parts.netloc.replace("{s}.", "*.")
    return PAGE_CSP.replace("img-src 'self' data:", f"img-src 'self' data: {parts.scheme}://{host}")


def _article_summary(article_id: str, title: str | None = None, published: date | None = None,
                     source: str | None = None, url: str | None = None) -> dict[str, Any]:
    """An article without its text; all None but the id for an article the store lacks."""
    return {"id": article_id, "title": title, "published": published.isoformat() if published else None,
            "source": source, "url": url}


def _event_spans(event: Event) -> dict[str, Any]:
    """What the article view needs of each event: what it is and where its evidence is."""
    return {"event_id": event.event_id, "event_type": event.event_type,
            "sub_event_type": event.sub_event_type, "event_date": event.event_date,
            "location": event.location, "status": event.status,
            "evidence": [{"start": ev.start, "end": ev.end, "text": ev.text} for ev in event.evidence]}


def _stats_rows(counts: dict[str, int]) -> list[dict[str, Any]]:
    """{key: count} (the store's order) → [{key, count}], a shape a chart can draw."""
    return [{"key": None if k is None else str(k), "count": int(n)} for k, n in counts.items()]
