"""rasd (رصد): structured conflict events from Arabic news."""

from __future__ import annotations


def __getattr__(name: str) -> str:
    # `rasd.__version__` is looked up on first use: importlib.metadata costs
    # 30-40 ms of every command's start-up (PEP 562 module __getattr__).
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            value = version("rasd")
        except PackageNotFoundError:  # running from a source tree without install
            value = "0.0.0+unknown"
        globals()["__version__"] = value
        return value
    raise AttributeError(f"module 'rasd' has no attribute {name!r}")
