"""Helpers for tests that start a real web server process on loopback (browser tests, load benchmarks)."""
import socket
import time


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_listening(port: int, process, output, name: str, seconds: float = 60) -> None:
    """Wait for `process` to accept connections on `port`; fail with the tail of its `output()` if it dies."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            assert process.poll() is None, output()
            assert time.monotonic() < deadline, f"{name} did not start"
            time.sleep(0.2)
