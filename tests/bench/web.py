"""Web benchmark: `make bench-web` or `python -m tests.bench.web [--reuse]`.

Builds the ten-year synthetic council (`manage.py load_synthetic`) in a PostgreSQL database of
its own (`scrutiny_bench`, or BENCH_DATABASE_URL) with its files under var/bench-web/, then:

1. renders each public page single-threaded in one process with nothing cached (Django's test
   client, the cache cleared before each request), and prints the median server time and the
   queries of each;
2. serves the portal as production does — gunicorn with 2 workers, DEBUG off, WhiteNoise,
   persistent database connections (CONN_MAX_AGE) — with a Django hello-world view mounted
   beside it (tests/bench/web_settings.py), and measures each public page and the published
   pack PDF with `wrk` side by side with hello world in the same run: cold (no cache: every
   request renders) and warm (the page cache filled), printing requests/s, p50 and p99 latency
   and the share of hello world's requests/s.

Figures are printed, never asserted. `--reuse` keeps a database built by an earlier run.
"""

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
import urllib.request
from contextlib import ExitStack
from pathlib import Path

from tests.bench.publish import GUNICORN_WORKERS, free_port, gunicorn
from tests.bench.web_settings import HELLO_URL

BASE_DIR = Path(__file__).resolve().parents[2]
VAR_DIR = BASE_DIR / "var" / "bench-web"
DATABASE_URL = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/scrutiny_bench"
)
CONNECTIONS = 20
THREADS = 2
RENDERS = 15  # uncached renders of each page, single-threaded; the median is printed
TARGETS = {"warm": 0.5, "pdf": 0.3, "cold": 0.1}
CACHES = {
    "cold": "django.core.cache.backends.dummy.DummyCache",
    "warm": "django.core.cache.backends.locmem.LocMemCache",
}


def environment(**extra):
    return {
        **os.environ,
        "DATABASE_URL": DATABASE_URL,
        "VAR_DIR": str(VAR_DIR),
        "SECRET_KEY": os.environ.get("SECRET_KEY") or "web-benchmark-only",
        "DEBUG": "",
        "ALLOWED_HOSTS": "127.0.0.1",
        # Plain HTTP on 127.0.0.1: no proxy ends TLS here.
        "SECURE_SSL_REDIRECT": "0",
        "SECURE_COOKIES": "0",
        "CONN_MAX_AGE": "600",
        "DJANGO_SETTINGS_MODULE": "tests.bench.web_settings",
        **extra,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--duration", type=int, default=8, help="seconds of wrk per URL")
    parser.add_argument("--reuse", action="store_true", help="keep an existing database")
    parser.add_argument("--child", choices=list(CHILDREN), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(CHILDREN[args.child](args)))
        return
    if shutil.which("wrk") is None:
        sys.exit("wrk is not installed: `make bench-web` installs it (apt-get install wrk).")
    built = prepare(years=args.years, reuse=args.reuse)
    if built:
        print(f"Ten-year data set: {built['summary']}")
    urls = child("urls")
    print_renders(child("render"))
    for mode in ("cold", "warm"):
        print_wrk(mode, measure(mode, urls, duration=args.duration))


def prepare(*, years, reuse):
    """Create and fill the benchmark's database unless `reuse` finds one filled."""
    import psycopg

    name = DATABASE_URL.rsplit("/", 1)[1]
    server = DATABASE_URL.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(server, autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if exists and reuse:
            child("migrate")  # the code may have moved on since it was built
            return None
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')
    shutil.rmtree(VAR_DIR, ignore_errors=True)
    VAR_DIR.mkdir(parents=True)
    return child("build", "--years", str(years))


def child(kind, *args, env=None, module="tests.bench.web"):
    """Run `module` with `--child kind` in a fresh process; return the JSON it prints."""
    completed = subprocess.run(
        [sys.executable, "-m", module, "--child", kind, *args],
        env=env or environment(),
        cwd=BASE_DIR,
        check=True,
        stdout=subprocess.PIPE,
        text=True,
    )
    return json.loads(completed.stdout.strip().splitlines()[-1])


def build(args):
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("collectstatic", "--noinput", verbosity=0)
    started = time.monotonic()
    from committees.synthetic import load_synthetic

    loaded = load_synthetic(years=args.years)
    seconds = time.monotonic() - started
    return {
        "summary": f"{loaded.committees} committees, {loaded.meetings} meetings, {loaded.items} "
        f"items, {loaded.documents} documents, {loaded.minutes} minutes, {loaded.publications} "
        f"publications, loaded in "
        f"{seconds:.0f} s"
    }


def migrate(args):
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("collectstatic", "--noinput", verbosity=0)
    return {}


def urls(args):
    """Each public page of the ten-year council, and the published pack PDF."""
    import django

    django.setup()
    from django.db.models import Count
    from django.urls import reverse
    from django.utils import timezone

    from committees.models import Committee, Councillor, Meeting

    meeting = (
        Meeting.objects.filter(publications__isnull=False, starts_at__lte=timezone.now())
        .annotate(items_count=Count("items", distinct=True))
        .order_by("-items_count", "-starts_at")
        .first()
    )
    today = timezone.localdate()
    return {
        "home": reverse("committees:home"),
        "committees": reverse("committees:committee_list"),
        "a committee": Committee.objects.order_by("pk").first().get_absolute_url(),
        "a meeting": meeting.get_absolute_url(),
        "the pack page": reverse("committees:pack", args=[meeting.pk]),
        "councillors": reverse("committees:councillor_list"),
        "a councillor": Councillor.objects.order_by("pk").first().get_absolute_url(),
        "calendar month": reverse("committees:calendar_month", args=[today.year, today.month]),
        "corporate plan": reverse("committees:corporate_plan"),
        "pack PDF": reverse("committees:pack_pdf", args=[meeting.pk]),
    }


def render(args):
    """Median time and queries of an uncached render of each page, in this one process."""
    import django

    django.setup()
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client

    queries = []

    def counted(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    client = Client(headers={"host": "127.0.0.1"})  # ALLOWED_HOSTS, as gunicorn is asked
    results = {}
    for name, url in urls(args).items():
        times = []
        for _ in range(RENDERS):
            cache.clear()
            queries.clear()
            with connection.execute_wrapper(counted):
                started = time.perf_counter()
                response = client.get(url)
                times.append(time.perf_counter() - started)
            assert response.status_code == 200, (url, response.status_code)
        results[name] = {
            "ms": statistics.median(times) * 1000,
            "queries": len(queries),
            "kb": len(response.content) / 1024,
        }
    return results


CHILDREN = {"build": build, "migrate": migrate, "urls": urls, "render": render}


def measure(mode, urls, *, duration):
    """wrk against hello world and every URL, on gunicorn with the cache of `mode`."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = environment(CACHE_BACKEND=CACHES[mode])
    log = VAR_DIR / f"gunicorn-{mode}.log"
    with ExitStack() as stack:
        server = stack.enter_context(gunicorn(port, env=env, log=log))
        wait_until_up(base + HELLO_URL)
        results = {}
        for name, url in {"hello world": HELLO_URL, **urls}.items():
            for _ in range(GUNICORN_WORKERS * 4):  # each worker connected, its cache filled
                urllib.request.urlopen(base + url, timeout=60).read()
            results[name] = wrk(base + url, duration=duration)
        if "[ERROR]" in log.read_text(errors="replace"):
            print(server.log_tail(), file=sys.stderr)
    return results


def wait_until_up(url):
    deadline = time.monotonic() + 60
    while True:
        try:
            return urllib.request.urlopen(url, timeout=5).read()
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def wrk(url, *, duration):
    output = subprocess.run(
        ["wrk", f"-t{THREADS}", f"-c{CONNECTIONS}", f"-d{duration}s", "--latency", url],
        check=True,
        stdout=subprocess.PIPE,
        text=True,
    ).stdout
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    socket_errors = re.search(r"Socket errors: (.*)", output)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output)[1]),
        "p50": milliseconds(re.search(r"50%\s+([\d.]+\w+)", output)[1]),
        "p99": milliseconds(re.search(r"99%\s+([\d.]+\w+)", output)[1]),
        "errors": int(errors[1]) if errors else 0,
        "socket_errors": socket_errors[1] if socket_errors else "",
    }


def milliseconds(value):
    number, unit = re.match(r"([\d.]+)(\w+)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def print_renders(results):
    print("\nUncached renders, single-threaded (Django test client, cache cleared each time):")
    print(f"{'page':<16} {'ms':>6} {'queries':>8} {'KB':>6}")
    for name, result in results.items():
        print(f"{name:<16} {result['ms']:>6.1f} {result['queries']:>8} {result['kb']:>6.0f}")


def print_wrk(mode, results):
    hello = results["hello world"]["rps"]
    what = "no cache: every request renders" if mode == "cold" else "pages cached"
    print(
        f"\n{mode.capitalize()} ({what}), gunicorn {GUNICORN_WORKERS} workers, "
        f"wrk {CONNECTIONS} connections:"
    )
    print(f"{'page':<16} {'req/s':>8} {'p50 ms':>7} {'p99 ms':>7} {'× hello':>8} {'target':>7}")
    for name, result in results.items():
        target = TARGETS["cold" if mode == "cold" else "pdf" if name == "pack PDF" else "warm"]
        share = result["rps"] / hello
        verdict = "" if name == "hello world" else ("met" if share >= target else "MISSED")
        errors = f" {result['errors']} errors" if result["errors"] else ""
        errors += f" socket errors: {result['socket_errors']}" if result["socket_errors"] else ""
        print(
            f"{name:<16} {result['rps']:>8.0f} {result['p50']:>7.2f} {result['p99']:>7.2f} "
            f"{share:>7.0%} {verdict:>7}{errors}"
        )


if __name__ == "__main__":
    main()
