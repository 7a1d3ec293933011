"""Start-up of `creatormatch serve`: seconds from launch to `/readyz` answering 200, and the memory then.

Each run launches a fresh server on a free port, polls `/readyz` every 20 ms, reads its memory from /proc
(all, private, mapped files) and stops the server. Then, in a fresh process per run, the steps of loading
one version are timed one by one, the way `ServingIndex` does them: importing the HTTP app, hashing and
reading the version (with the brief reader warming in a second thread, as the server does), opening the
model, making the matcher, and what is left of the brief reader's warm-up. Linux only (/proc).

usage: python -m bench.startup --store STORE [--runs 4]
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from bench.scale import memory_mib

# the steps, in a child process, so each run pays every import afresh
_STEPS = """
import json, sys, threading, time
started = time.perf_counter()
import api.server  # noqa: F401
from index import IndexStore, encoder_from_identity, matcher_for
from matcher import MatchSettings, warm_brief_reader
imported = time.perf_counter()
reader = threading.Thread(target=warm_brief_reader)
reader.start()
loaded = IndexStore(sys.argv[1]).load(verify=True)
read = time.perf_counter()
encoder = encoder_from_identity(loaded.info.encoder.key)
opened = time.perf_counter()
reader.join()
joined = time.perf_counter()
matcher = matcher_for(loaded, encoder, MatchSettings())
made = time.perf_counter()
matcher.prepare()
done = time.perf_counter()
print(json.dumps({"import": imported - started, "load_and_verify": read - imported, "model": opened - read,
                  "reader_wait": joined - opened, "matcher": made - joined, "prepare": done - made,
                  "after_imports": done - imported}))
"""


def free_port() -> int:
    """A TCP port nobody listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def ready_seconds(store: Path) -> tuple[float, dict[str, float]]:
    """Launch `creatormatch serve` on `store`: seconds until `/readyz` says 200, and its memory (MiB) then."""
    port = free_port()
    command = [str(Path(sys.executable).with_name("creatormatch")), "serve", "--store", str(store), "--port", str(port)]
    started = time.perf_counter()
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/readyz", timeout=1) as answer:
                    if answer.status == 200:
                        break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            if server.poll() is not None:
                raise SystemExit(f"the server stopped with code {server.returncode} before it was ready")
            if time.perf_counter() - started > 300:
                raise SystemExit("the server was not ready after 300 s")
            time.sleep(0.02)
        took = time.perf_counter() - started
        memory = memory_mib(server.pid)
    finally:
        server.terminate()
        server.wait(timeout=30)
    return took, memory


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--store", type=Path, required=True)
    parser.add_argument("--runs", type=int, default=4)
    args = parser.parse_args()
    readies = []
    for run in range(args.runs):
        took, memory = ready_seconds(args.store)
        readies.append(took)
        print(f"serve run {run + 1}: ready {took:.2f} s, RSS {memory['VmRSS']:.0f} MiB (private "
              f"{memory['RssAnon']:.0f}, mapped files {memory['RssFile']:.0f})", flush=True)
    print(f"serve: median ready {statistics.median(readies):.2f} s over {args.runs} runs")
    for run in range(args.runs):
        child = subprocess.run([sys.executable, "-c", _STEPS, str(args.store)], capture_output=True, text=True,
                               check=True, env={**os.environ, "PYTHONWARNINGS": "ignore"})
        steps = json.loads(child.stdout.strip().splitlines()[-1])
        print(f"steps run {run + 1}: " + ", ".join(f"{name} {seconds:.2f} s" for name, seconds in steps.items()),
              flush=True)


if __name__ == "__main__":
    main()
