"""rasd at scale: the same extraction on Dask distributed workers (GitHub issue 9).

    from rasd.scale import ingest_on_engine
    summary = ingest_on_engine(articles, db="postgresql://…", workers=8)

Modules: worker (a batch through a worker-held Pipeline), batches (numbered
batches from a stream), store_sink / parquet_sink (idempotent writes),
dask_engine (the engine adapter), ingest (the driver loop), cli (the
`rasd ingest --engine` options). Install with `pip install 'rasd[scale]'`.
"""

__all__ = ["ScaleSummary", "ingest_on_engine"]


def __getattr__(name: str):
    # Lazy: `rasd.scale.cli` is imported by every `rasd` command and must stay light.
    if name in __all__:
        from rasd.scale import ingest

        return getattr(ingest, name)
    raise AttributeError(f"module 'rasd.scale' has no attribute {name!r}")
