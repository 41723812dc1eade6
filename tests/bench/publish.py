"""Publication benchmark: `make bench` or `python -m tests.bench.publish [SIZE ...]`.

For the synthetic packs of tests.bench.pack (about 50, 200 and 500 pages) it publishes as in
production: gunicorn (2 workers, its default timeout) serves the portal on 127.0.0.1, an officer
signs in and sends the publish form over HTTP, `manage.py db_worker` runs as a process of its
own, and the progress page is asked until it says the agenda is published. It prints the time
of the publish POST (the request only hands the work to the worker, so it must return well
within gunicorn's timeout), the wall time from sending the POST to the progress page saying
"Published", and the worker's CPU time and peak memory.

Each size runs on a throw-away SQLite database and media folder in a temporary directory;
nothing touches var/. Figures are printed, never asserted; a publication that fails, or a POST
that gunicorn cuts off, stops the benchmark with the servers' logs.
"""

import argparse
import http.cookiejar
import json
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from contextlib import ExitStack
from pathlib import Path

from gunicorn.config import Config

from tests.bench import pack

BASE_DIR = Path(__file__).resolve().parents[2]
GUNICORN_WORKERS = 2
USERNAME = "bench-officer"
PASSWORD = "bench-password-2030"
POLL_SECONDS = 0.5  # how often the progress page is asked (the browser asks every 2 s)
PUBLISH_TIMEOUT = 20 * 60  # a publication taking longer than this is stuck: stop
REQUEST_TIMEOUT = 120  # longer than gunicorn's, so that gunicorn cuts off a slow POST first
STARTUP_TIMEOUT = 60
# gunicorn 25 and later open a control socket in the home directory, which every gunicorn
# started there would share.
NO_CONTROL_SOCKET = ["--no-control-socket"] if "control_socket" in Config().settings else []
LOG_TAIL = 3000  # characters of each process's log printed when something goes wrong


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=pack.SIZES, help="target page counts")
    parser.add_argument("--child", choices=["build"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(build(args.sizes[0])))
        return
    timeout = Config().timeout
    print(f"{'pages':>6} {'restricted':>10} {'POST s':>7} {'published s':>12} "
          f"{'worker CPU s':>13} {'worker MB':>10}")  # fmt: skip
    for size in args.sizes:
        result = run_size(size)
        print(
            f"{result['pages']:>6} {result['restricted_pages']:>10} "
            f"{result['post_seconds']:>7.3f} {result['seconds']:>12.1f} "
            f"{result['worker_cpu']:>13.1f} {result['worker_mb']:>10.0f}",
            flush=True,
        )
    print(
        f"\nEach pack is published through gunicorn ({GUNICORN_WORKERS} workers, timeout "
        f"{timeout} s: its default)\nand `manage.py db_worker`, each a process of its own, on "
        "one SQLite database.\n"
        "pages, restricted: pages of the public and the restricted pack, from the progress page.\n"
        "POST s: the officer's publish POST, from sending it to its redirect to the progress\n"
        "page.\n"
        "published s: wall-clock time from sending the POST to the progress page saying\n"
        f'"Published" (asked every {POLL_SECONDS} s): the worker noticing the task (it looks '
        "every\nsecond) and both renders; it grows when the machine is busy.\n"
        "worker CPU s, worker MB: from wait4() when the worker exits, so they cover the worker\n"
        "and the processes it started and waited for (the render children): the sum of their\n"
        "user+system CPU time, and the largest maximum RSS of any one of them (not of their\n"
        "sum). One fresh worker per pack: its start-up and that one publication."
    )


def run_size(size):
    with tempfile.TemporaryDirectory(prefix="publish-bench-") as tmp:
        env = {
            **pack.environment(tmp),
            "ALLOWED_HOSTS": "127.0.0.1",
            # Plain HTTP on 127.0.0.1: no proxy ends TLS here, so no redirect to HTTPS and
            # cookies without the Secure flag. Static files without collectstatic's manifest.
            "SECURE_SSL_REDIRECT": "0",
            "SECURE_COOKIES": "0",
            "STATICFILES_BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage",
        }
        urls = pack.child(env, "build", str(size), module="tests.bench.publish")
        port = free_port()
        with ExitStack() as stack:
            server = stack.enter_context(gunicorn(port, env=env, log=Path(tmp) / "gunicorn.log"))
            worker = stack.enter_context(
                Process(
                    "worker",
                    [sys.executable, "manage.py", "db_worker", "--no-startup-delay"],
                    env=env,
                    log=Path(tmp) / "worker.log",
                )
            )
            try:
                officer = Officer(f"http://127.0.0.1:{port}", urls["login"])
                result = publish(officer, urls["publish"])
            except Exception:
                for process in (server, worker):
                    print(process.log_tail(), file=sys.stderr)
                raise
            usage = worker.stop()
        return {
            **result,
            "worker_cpu": usage.ru_utime + usage.ru_stime,
            "worker_mb": usage.ru_maxrss / 1024,  # kB on Linux
        }


def publish(officer, url):
    """Sign in, send the publish form at `url`, then ask the progress page until it is
    finished."""
    officer.wait_until_up()
    officer.sign_in()
    form = officer.get(url)
    started = time.perf_counter()
    response = officer.post(
        url, {"token": hidden_value(form, "token"), "action": "publish"}, page=form
    )
    post_seconds = time.perf_counter() - started
    if response.status != 302:
        raise RuntimeError(f"The publish POST answered {response.status}, not a redirect.")
    progress_url = response.headers["Location"]
    deadline = started + PUBLISH_TIMEOUT
    while True:
        page = officer.get(progress_url)
        state = re.search(r"<title>([^:<]+):", page)[1]
        if state not in ("Waiting to start", "Rendering the public pack",
                         "Rendering the restricted pack", "Storing the files"):  # fmt: skip
            break
        if time.perf_counter() > deadline:
            raise RuntimeError(f"Not published after {PUBLISH_TIMEOUT} s: {state}.")
        time.sleep(POLL_SECONDS)
    seconds = time.perf_counter() - started
    if state != "Published":
        raise RuntimeError(f"The publication ended “{state}”: {strip_tags(page)[:LOG_TAIL]}")
    public, restricted = re.findall(r"Rendered: (\d+) page", page)
    return {
        "pages": int(public),
        "restricted_pages": int(restricted),
        "post_seconds": post_seconds,
        "seconds": seconds,
    }


class Officer:
    """A signed-in officer's HTTP client: keeps its cookies and does not follow redirects."""

    def __init__(self, base_url, login_url):
        self.base_url, self.login_url = base_url, login_url
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), _NoRedirect
        )

    def wait_until_up(self):
        deadline = time.monotonic() + STARTUP_TIMEOUT
        while True:
            try:
                return self.get(self.login_url)
            except OSError:  # not listening yet
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)

    def sign_in(self):
        page = self.get(self.login_url)
        response = self.post(
            self.login_url, {"username": USERNAME, "password": PASSWORD}, page=page
        )
        if response.status != 302:
            raise RuntimeError(f"Signing in answered {response.status}, not a redirect.")

    def get(self, path):
        response = self.request(path)
        if response.status != 200:
            raise RuntimeError(f"GET {path} answered {response.status}.")
        return response.read().decode()

    def post(self, path, fields, *, page):
        """POST `fields` with the CSRF token of the form on `page`."""
        data = {"csrfmiddlewaretoken": hidden_value(page, "csrfmiddlewaretoken"), **fields}
        return self.request(path, urllib.parse.urlencode(data).encode())

    def request(self, path, data=None):
        try:
            return self.opener.open(self.base_url + path, data, timeout=REQUEST_TIMEOUT)
        except urllib.error.HTTPError as response:  # a redirect or an error: the caller decides
            return response


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def gunicorn(port, *, env, log):
    """The portal served by gunicorn as in production, on 127.0.0.1:`port`."""
    return Process(
        "gunicorn",
        [sys.executable, "-m", "gunicorn", "scrutiny.wsgi", "--workers", str(GUNICORN_WORKERS),
         "--bind", f"127.0.0.1:{port}", *NO_CONTROL_SOCKET],
        env=env,
        log=log,
    )  # fmt: skip


class Process:
    """A server process for the length of a `with` block, its output in `log`; stopped (and
    killed if it does not stop) on the way out, whatever happened."""

    STOP_TIMEOUT = 30

    def __init__(self, name, command, *, env, log):
        self.name, self.command, self.env, self.log = name, command, env, log

    def __enter__(self):
        with open(self.log, "wb") as log:
            self.popen = subprocess.Popen(
                self.command, env=self.env, cwd=BASE_DIR, stdout=log, stderr=subprocess.STDOUT
            )
        return self

    def __exit__(self, *exc):
        if self.popen.returncode is None:
            self.stop()

    def stop(self):
        """Stop the process (SIGTERM: a graceful exit) and return its resource usage."""
        self.popen.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + self.STOP_TIMEOUT
        while True:
            # wait4, not Popen.wait: its usage covers this process and every process it waited
            # for (a render in a child process included).
            pid, status, usage = os.wait4(self.popen.pid, os.WNOHANG)
            if pid:
                self.popen.returncode = os.waitstatus_to_exitcode(status)
                return usage
            if time.monotonic() > deadline:
                self.popen.kill()
                deadline = float("inf")
            time.sleep(0.1)

    def log_tail(self):
        return f"--- {self.name} ({self.log}):\n{self.log.read_text(errors='replace')[-LOG_TAIL:]}"


def build(size):
    """The synthetic meeting of tests.bench.pack and a democratic services officer; returns
    the URLs of the sign-in page and of the meeting's publish page."""
    meeting = pack.build(size)["meeting"]
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.urls import reverse

    from committees.roles import OFFICERS

    officer = get_user_model().objects.create_user(USERNAME, password=PASSWORD)
    officer.groups.add(Group.objects.get_or_create(name=OFFICERS)[0])
    return {
        "login": reverse("login"),
        "publish": reverse("officer:meeting_publish", args=[meeting]),
    }


def hidden_value(page, name):
    return re.search(rf'name="{name}" value="([^"]*)"', page)[1]


def strip_tags(page):
    return " ".join(re.sub(r"<[^>]+>", " ", page).split())


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


if __name__ == "__main__":
    main()
