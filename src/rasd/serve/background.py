"""Run the rasd app on a free loopback port in a background thread.

For programs that want the page or the API next to their own work (a
notebook, the browser tests, the API benchmark) without a second process:

    with BackgroundServer(create_app(store)) as url:
        ...  # http://127.0.0.1:<free port>/ answers until the block ends
"""

from __future__ import annotations

import socket
import threading
import time

import uvicorn


class BackgroundServer:
    """Started on enter (the URL is returned), always stopped on exit."""

    def __init__(self, app):
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.bind(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="on"))
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.sock]}, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> str:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if not self.thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError(f"the rasd server on 127.0.0.1:{self.port} did not start")
            time.sleep(0.02)
        return self.url

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=15)
        self.sock.close()
