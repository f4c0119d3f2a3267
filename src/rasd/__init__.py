"""rasd (رصد): structured conflict events from Arabic news."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("rasd")
except PackageNotFoundError:  # running from a source tree without install
    __version__ = "0.0.0+unknown"
