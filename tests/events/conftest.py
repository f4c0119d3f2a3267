import pytest

from rasd.pipeline import Pipeline


@pytest.fixture(scope="session")
def pipeline():
    """The full pipeline (real gazetteer, lexicon and dictionary), built once.

    Files that need a stand-in places stage define their own `pipeline`."""
    return Pipeline()
