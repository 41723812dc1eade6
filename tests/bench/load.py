"""Load test: `make load` or `python -m tests.bench.load [--readers 50] [--seconds 60]`.

On the ten-year synthetic council of `make bench-web` (built first if missing), served as in
production (gunicorn, 2 workers, `manage.py db_worker` beside it), `--readers` simulated readers
fetch the home page, a meeting, its pack page and its pack PDF in turn, without pause, for
`--seconds`; meanwhile an officer signs in and republishes that meeting's agenda with about 200
pages added, through the publish form and the worker, as in production.

It prints the requests, errors (anything but a 200, or no answer), requests/s and p50/p99
latency of each URL, how long the publication took, and how many meeting pages fetched after
the publication was recorded still showed the previous version (it must be none). Bounded: the
readers stop after `--seconds`, the publication after its own timeout.
"""

import argparse
import http.client
import json
import re
import statistics
import sys
import threading
import time
from contextlib import ExitStack
from urllib.parse import urlsplit

from tests.bench import web
from tests.bench.publish import (
    PASSWORD,
    USERNAME,
    Officer,
    Process,
    free_port,
    gunicorn,
    hidden_value,
)

ITEMS = 31  # reports of about six pages each: a pack of about 200 pages
SENTENCE = (
    "The forecast outturn reflects pressures in demand-led services, partly offset by vacancy "
    "management and one-off income, and the directorate is taking action to bring spending back "
    "within budget by the end of the year. "
)
PUBLISH_TIMEOUT = 600
AFTER_SECONDS = 5  # reading goes on this long after the publication is recorded


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--readers", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--publish-after", type=float, default=5.0, help="seconds into the run")
    parser.add_argument("--child", choices=["prepare"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(prepare()))
        return
    built = web.prepare(years=10, reuse=True)
    if built:
        print(f"Ten-year data set: {built['summary']}")
    urls = web.child("prepare", module="tests.bench.load")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = web.environment()
    with ExitStack() as stack:
        server = stack.enter_context(gunicorn(port, env=env, log=web.VAR_DIR / "load-gunicorn.log"))
        worker = stack.enter_context(
            Process(
                "worker",
                [sys.executable, "manage.py", "db_worker", "--no-startup-delay"],
                env=env,
                log=web.VAR_DIR / "load-worker.log",
            )
        )
        web.wait_until_up(base + urls["home"])
        try:
            report = run(base, urls, args)
        except Exception:
            for process in (server, worker):
                print(process.log_tail(), file=sys.stderr)
            raise
    print_report(report, args)
    if report["errors"] or report["stale_after"] or not report["published"]:
        sys.exit(1)


def prepare():
    """The meeting the readers read, about 200 pages added to its draft, and an officer."""
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.urls import reverse
    from django.utils import timezone

    from committees.models import AgendaItem, CoverSheet, Document, Meeting
    from committees.roles import OFFICERS

    # The most recent meeting published: readers read it while the officer republishes it.
    meeting = (
        Meeting.objects.filter(publications__isnull=False, starts_at__lte=timezone.now())
        .order_by("-starts_at")
        .first()
    )
    body = "".join(f"<h3>Section {n}</h3><p>{SENTENCE * 8}</p>" for n in range(1, 13))
    last = meeting.items.order_by("-position").first().position
    added = meeting.items.filter(title__startswith="Load test report").count()
    for number in range(added + 1, ITEMS + 1):
        item = AgendaItem.objects.create(
            meeting=meeting, position=last + number, title=f"Load test report {number}"
        )
        report = Document.objects.create(item=item, title=item.title, body=body)
        CoverSheet.objects.create(document=report, purpose="To test publication under load.")
    User = get_user_model()
    if not User.objects.filter(username=USERNAME).exists():
        officer = User.objects.create_user(USERNAME, password=PASSWORD)
        officer.groups.add(Group.objects.get_or_create(name=OFFICERS)[0])
    return {
        "home": reverse("committees:home"),
        "meeting": meeting.get_absolute_url(),
        "pack page": reverse("committees:pack", args=[meeting.pk]),
        "pack PDF": reverse("committees:pack_pdf", args=[meeting.pk]),
        "login": reverse("login"),
        "publish": reverse("officer:meeting_publish", args=[meeting.pk]),
    }


def run(base, urls, args):
    marker = f"Load test republication {time.time():.0f}"
    started = time.monotonic()
    # Readers read for `--seconds`, and on until a few seconds after the publication is
    # recorded (or has failed, or timed out), so that some read what came after it.
    stop_at = [started + args.seconds]
    published_at = []  # monotonic time the publication was seen recorded
    results = []  # (url name, seconds, ok, started, shows the new version)
    lock = threading.Lock()
    pages = ["home", "meeting", "pack page", "pack PDF"]

    def reader():
        connection = http.client.HTTPConnection(urlsplit(base).netloc, timeout=60)
        mine = []
        while time.monotonic() < stop_at[0] or publisher.is_alive():
            for name in pages:
                started = time.monotonic()
                try:
                    connection.request("GET", urls[name])
                    response = connection.getresponse()
                    body = response.read()
                    ok = response.status == 200
                except (OSError, http.client.HTTPException):
                    connection.close()
                    ok, body = False, b""
                new = marker.encode() in body if name == "meeting" else None
                mine.append((name, time.monotonic() - started, ok, started, new))
        connection.close()
        with lock:
            results.extend(mine)

    def officer():
        time.sleep(args.publish_after)
        client = Officer(base, urls["login"])
        client.sign_in()
        form = client.get(urls["publish"])
        posted = time.monotonic()
        response = client.post(
            urls["publish"],
            {
                "token": hidden_value(form, "token"),
                "action": "publish",
                "note": marker,
                "reason_for_urgency": "Published under load by the load test.",
            },
            page=form,
        )
        if response.status != 302:
            raise RuntimeError(f"The publish POST answered {response.status}.")
        progress = response.headers["Location"]
        while time.monotonic() < posted + PUBLISH_TIMEOUT:
            page = client.get(progress)
            if "<title>Published" in page:
                published_at.append(time.monotonic())
                publication["seconds"] = time.monotonic() - posted
                publication["pages"] = re.findall(r"Rendered: (\d+) page", page)[0]
                stop_at[0] = max(stop_at[0], time.monotonic() + AFTER_SECONDS)
                return
            if "<title>Not published" in page:
                raise RuntimeError("The publication failed.")
            time.sleep(0.5)

    publication = {}
    threads = [threading.Thread(target=reader) for _ in range(args.readers)]
    publisher = threading.Thread(target=officer)
    for thread in [publisher, *threads]:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    done = published_at[0] if published_at else None
    meeting_after = [r for r in results if r[0] == "meeting" and done and r[3] > done and r[2]]
    return {
        "results": results,
        "elapsed": elapsed,
        "errors": sum(1 for r in results if not r[2]),
        "published": done is not None,
        "publication_seconds": publication.get("seconds"),
        "publication_pages": publication.get("pages"),
        "meeting_after": len(meeting_after),
        "stale_after": sum(1 for r in meeting_after if not r[4]),
    }


def print_report(report, args):
    results = report["results"]
    print(
        f"\n{args.readers} readers for {args.seconds} s on the ten-year council: "
        f"{len(results)} requests, {len(results) / report['elapsed']:.0f} requests/s, "
        f"{report['errors']} errors"
    )
    print(f"{'page':<10} {'requests':>8} {'errors':>6} {'p50 ms':>7} {'p99 ms':>8}")
    for name in ["home", "meeting", "pack page", "pack PDF"]:
        times = sorted(r[1] * 1000 for r in results if r[0] == name)
        errors = sum(1 for r in results if r[0] == name and not r[2])
        p99 = times[min(len(times) - 1, int(len(times) * 0.99))]
        print(
            f"{name:<10} {len(times):>8} {errors:>6} {statistics.median(times):>7.1f} {p99:>8.1f}"
        )
    everything = sorted(r[1] * 1000 for r in results)
    print(f"{'all':<10} {len(everything):>8} {report['errors']:>6} "
          f"{statistics.median(everything):>7.1f} "
          f"{everything[min(len(everything) - 1, int(len(everything) * 0.99))]:>8.1f}")  # fmt: skip
    if report["published"]:
        print(
            f"Publication of {report['publication_pages']} pages: recorded "
            f"{report['publication_seconds']:.1f} s after "
            f"the officer's POST; {report['meeting_after']} meeting pages fetched after it, "
            f"{report['stale_after']} of them showing the previous version."
        )
    else:
        print("The publication did not complete while the readers read.")


if __name__ == "__main__":
    main()
