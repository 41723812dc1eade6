"""Agenda pack rendering benchmark: `make bench` or `python -m tests.bench.pack [SIZE ...]`.

For synthetic packs of about 50, 200 and 500 pages it prints pages, seconds, pages per second
and peak memory of the project's render, the ratio of that time to WeasyPrint rendering the same
final HTML string directly (the engine's own speed, our floor), the time to answer a preview
from the cache, and the time to serve the stored, published PDF. A second table gives the
officer's preview put together from items laid out once each (committees/packs/preview.py):
cold, after a one-item edit, and beside WeasyPrint's single-process time.

Each size runs in its own process (a clean peak of memory) on a throw-away SQLite database and
media folder in a temporary directory; nothing touches var/. Figures are printed, never asserted.
"""

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time

SIZES = (50, 200, 500)
SERVE_REQUESTS = 20


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=SIZES, help="target page counts")
    parser.add_argument(
        "--child", choices=["build", "pack", "preview", "engine", "plain"], help=argparse.SUPPRESS
    )
    parser.add_argument(
        "--repeat", type=int, default=2, help="runs of each measurement; the fastest counts"
    )
    parser.add_argument("--html", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child == "build":
        print(json.dumps(build(args.sizes[0])))
        return
    if args.child == "pack":
        print(json.dumps(measure_pack(args.html)))
        return
    if args.child == "preview":
        print(json.dumps(measure_preview()))
        return
    if args.child:
        print(json.dumps(measure_engine(args.html, tagged=args.child == "engine")))
        return
    print(f"{'pages':>6} {'seconds':>8} {'pages/s':>8} {'peak MB':>8} {'× engine':>9} "
          f"{'ours %':>7} {'engine MB':>10} {'× plain':>8} {'cached s':>9} "
          f"{'serve ms':>9}")  # fmt: skip
    previews = []
    for size in args.sizes:
        ours, engine, plain, preview = run_size(size, repeat=max(1, args.repeat))
        previews.append((ours, engine, plain, preview))
        print(
            f"{ours['pages']:>6} {ours['seconds']:>8.2f} {ours['pages'] / ours['seconds']:>8.1f} "
            f"{ours['peak_mb']:>8.0f} {ours['seconds'] / engine['seconds']:>9.2f} "
            f"{ours['overhead'] * 100:>7.1f} "
            f"{engine['peak_mb']:>10.0f} {ours['seconds'] / plain['seconds']:>8.2f} "
            f"{ours['cached_seconds']:>9.3f} {ours['serve_ms']:>9.1f}",
            flush=True,
        )
    print(
        "\nseconds, pages/s, peak MB: the project's render of the public pack on an empty cache\n"
        "(assemble, templates, hash, upload checks, WeasyPrint, uploads merged, cache written).\n"
        "Render times are CPU seconds of the rendering process and the child it renders in\n"
        "(rendering is single-threaded: on an idle machine, wall-clock time), so that other\n"
        "work on the machine does not skew the ratios. peak MB: the highest RSS of the\n"
        "rendering process and its child (a server worker's, as the database is built in a\n"
        "process of its own).\n"
        "× engine: that time over WeasyPrint alone on the same final HTML string with the same\n"
        "options (tagged PDF/UA-1), in a fresh process (engine MB: its peak). × plain: over\n"
        "weasyprint.HTML(string=...).write_pdf() with default options (untagged).\n"
        "ours %: the share of the render spent outside WeasyPrint, measured inside the same run\n"
        "(the direct ratios also carry run-to-run noise of a few per cent).\n"
        "cached s: the same pack asked for again, answered from the cache (wall-clock).\n"
        f"serve ms: GET of the stored public PDF, mean of {SERVE_REQUESTS} requests (test client)"
        ".\n"
        "Each figure is the fastest of --repeat runs (peaks: the highest)."
    )
    print_previews(previews)


def print_previews(previews):
    print(f"\n{'pages':>6} {'engine s':>9} {'cold s':>7} {'× engine':>9} {'× plain':>8} "
          f"{'cold CPU':>9} {'edit s':>7} {'longer s':>9} {'cached s':>9}")  # fmt: skip
    for ours, engine, plain, preview in previews:
        cold = preview["cold"]
        print(
            f"{ours['pages']:>6} {engine['seconds']:>9.2f} {cold:>7.2f} "
            f"{cold / engine['seconds']:>9.2f} {cold / plain['seconds']:>8.2f} "
            f"{preview['cold_cpu']:>9.2f} {preview['edit']:>7.2f} {preview['longer']:>9.2f} "
            f"{preview['cached']:>9.3f}"
        )
    print(
        f"\nThe officer's preview on {os.cpu_count()} cores, wall-clock seconds from the meeting\n"
        "to the PDF (assemble, item HTML and hashes, items laid out side by side in limited\n"
        "child processes, front sheet, pieces put together). engine s: WeasyPrint alone on the\n"
        "whole pack's final HTML in one process (tagged, CPU seconds, as above); × engine, ×\n"
        "plain: the cold preview over that and over the untagged render. cold: empty cache.\n"
        "cold CPU: its CPU seconds, the children's included. edit: after a wording change to\n"
        "the middle item that keeps its length (that item laid out again); longer: after a\n"
        "paragraph added to it (that item and the front sheet). cached: unchanged, again.\n"
        "Wall-clock times grow when other work shares the cores."
    )


def run_size(size, *, repeat):
    """Our render, then WeasyPrint on the same HTML, each in its own fresh process, `repeat`
    times in turn; the fastest time and the highest peak of each count (the machine may be
    busy with other work)."""
    runs = [[], [], []]
    previews = []
    for _ in range(repeat):
        with tempfile.TemporaryDirectory(prefix="pack-bench-") as tmp:
            env = environment(tmp)
            html = os.path.join(tmp, "pack.html")
            child(env, "build", str(size))
            runs[0].append(child(env, "pack", "--html", html))
            runs[1].append(child(env, "engine", "--html", html))
            runs[2].append(child(env, "plain", "--html", html))
            previews.append(child(env, "preview"))
    return [
        *(
            {
                **min(results, key=lambda result: result["seconds"]),
                "peak_mb": max(result["peak_mb"] for result in results),
            }
            for results in runs
        ),
        {key: min(preview[key] for preview in previews) for key in previews[0]},
    ]


def environment(tmp):
    """The environment of a benchmark's processes: a throw-away SQLite database and media
    folder in the temporary directory `tmp`, production's settings otherwise."""
    os.mkdir(os.path.join(tmp, "staticfiles"))  # WhiteNoise warns without it
    return {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp}/bench.sqlite3",
        "VAR_DIR": tmp,
        "SECRET_KEY": os.environ.get("SECRET_KEY") or "pack-benchmark-only",
        "DEBUG": "",
        "DJANGO_SETTINGS_MODULE": "scrutiny.settings",
        "CACHE_BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    }


def child(env, kind, *args, module="tests.bench.pack"):
    """Run `module` with `--child kind` in a fresh process; return the JSON it prints last."""
    completed = subprocess.run(
        [sys.executable, "-m", module, "--child", kind, *args],
        env=env,
        check=True,
        stdout=subprocess.PIPE,
        text=True,
    )
    return json.loads(completed.stdout.strip().splitlines()[-1])


def peak_mb():
    """The highest RSS of this process and of the child processes it waited for (the pack
    renders in a child process of its own, under its limits)."""
    return max(
        resource.getrusage(who).ru_maxrss / 1024  # kB on Linux
        for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
    )


def cpu_seconds():
    """CPU time of this process and of the child processes it waited for."""
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


def warm_up():
    """Fonts and WeasyPrint's own caches load on a small document first, in every process."""
    import weasyprint

    from committees.packs import pdf

    # PDF/UA-1 asks for the document's language (WeasyPrint logs an error without it).
    weasyprint.HTML(string='<html lang="en-GB"><p>warm up</p></html>').write_pdf(**pdf.PDF_OPTIONS)


def build(size):
    """The throw-away database with the synthetic meeting, made in a process of its own so that
    the rendering process starts like a server worker (Django loaded, nothing else)."""
    import django

    django.setup()
    from django.core.management import call_command

    from tests.support.packs import long_meeting, long_meeting_items

    call_command("migrate", verbosity=0)
    return {"meeting": long_meeting(items=long_meeting_items(size)).pk}


def measure_pack(html_path):
    import django

    django.setup()
    from django.test.utils import setup_test_environment

    from committees.models import Meeting
    from committees.packs import render

    setup_test_environment()
    meeting = Meeting.objects.get()
    warm_up()
    # A long-running server has its templates compiled and modules imported already.
    render.print_source(meeting, restricted=False)

    engine = engine_timer()
    started = cpu_seconds()
    rendered = render.render_pack_pdf(meeting, restricted=False)
    seconds = cpu_seconds() - started
    assert not rendered.cached
    engine.stop()
    peak = peak_mb()

    started = time.perf_counter()
    assert render.render_pack_pdf(meeting, restricted=False).cached
    cached_seconds = time.perf_counter() - started

    with open(html_path, "w", encoding="utf-8") as out:
        out.write(render.print_source(meeting, restricted=False).html)
    return {
        "pages": rendered.page_count,
        "seconds": seconds,
        "overhead": (seconds - engine.seconds) / seconds,
        "peak_mb": peak,
        "cached_seconds": cached_seconds,
        "serve_ms": serve_ms(meeting, rendered),
    }


def measure_preview():
    """The officer's preview of the public pack: cold, unchanged, after an edit to the middle
    item that keeps its length, and after one that lengthens it (wall-clock seconds)."""
    import django

    django.setup()
    from django.test.utils import setup_test_environment

    from committees.models import Document, Meeting
    from committees.packs import preview

    setup_test_environment()
    meeting = Meeting.objects.get()
    # A long-running server has its templates compiled and modules imported already.
    preview.preview_source(meeting, restricted=False)

    def timed():
        started, cpu = time.perf_counter(), cpu_seconds()
        pdf = preview.render_preview(preview.preview_source(meeting, restricted=False))
        return time.perf_counter() - started, cpu_seconds() - cpu, pdf

    cold, cold_cpu, pdf = timed()
    assert not pdf.cached
    cached, _, pdf = timed()
    assert pdf.cached
    reports = Document.objects.filter(kind=Document.Kind.REPORT).order_by("item__position")
    report = reports[len(reports) // 2]
    anchor = f"item-{report.item.position}"
    report.body = report.body.replace("<h3>Section 1</h3>", "<h3>Section I</h3>", 1)
    report.save()
    edit, _, pdf = timed()
    assert pdf.rendered == (anchor,), pdf.rendered
    report.body += "<p>A paragraph added after the last preview.</p>" * 12
    report.save()
    longer, _, pdf = timed()
    assert pdf.rendered == (anchor, "front"), pdf.rendered
    return {"cold": cold, "cold_cpu": cold_cpu, "cached": cached, "edit": edit, "longer": longer}


class engine_timer:
    """CPU time spent inside WeasyPrint (parsing, layout and PDF writing, less our upload
    merger, which runs inside WeasyPrint's PDF writing). The total is in shared memory, as the
    render runs in a forked child process."""

    def __init__(self):
        import multiprocessing

        import weasyprint

        from committees.packs import pdf

        self.total = multiprocessing.RawValue("d", 0.0)
        self.patched = [
            (weasyprint.HTML, "__init__", 1),  # parsing the HTML
            (weasyprint.HTML, "render", 1),
            (weasyprint.Document, "write_pdf", 1),
            (pdf._UploadMerger, "__call__", -1),
        ]
        self.originals = []
        for owner, name, sign in self.patched:
            original = getattr(owner, name)
            self.originals.append(original)
            setattr(owner, name, self.timed(original, sign))

    def timed(self, function, sign):
        def wrapper(*args, **kwargs):
            started = time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                self.total.value += sign * (time.process_time() - started)

        return wrapper

    @property
    def seconds(self):
        return self.total.value

    def stop(self):
        for (owner, name, _), original in zip(self.patched, self.originals, strict=True):
            setattr(owner, name, original)


def measure_engine(html_path, *, tagged):
    import django

    django.setup()
    import weasyprint

    from committees.packs import pdf

    with open(html_path, encoding="utf-8") as source:
        html = source.read()
    warm_up()
    options = pdf.PDF_OPTIONS if tagged else {}
    started = time.process_time()
    weasyprint.HTML(string=html).write_pdf(**options)
    return {"seconds": time.process_time() - started, "peak_mb": peak_mb()}


def serve_ms(meeting, rendered):
    from django.test import Client
    from django.urls import reverse

    from committees import stored
    from committees.models import Publication

    public_pdf = stored.store(rendered.data, suffix=".pdf", created=[])
    Publication.objects.create(
        meeting=meeting,
        content_hash=rendered.content_hash,
        public_pdf=public_pdf,
        restricted_pdf=public_pdf,  # not served here
        public_html=stored.store(b"", suffix=".html", created=[]),
    )
    client = Client()
    url = reverse("committees:pack_pdf", args=[meeting.pk])
    started = time.perf_counter()
    for _ in range(SERVE_REQUESTS):
        response = client.get(url, secure=True)  # as behind HTTPS: no redirect
        assert response.status_code == 200
        assert len(b"".join(response)) == len(rendered.data)  # streamed or not
    return (time.perf_counter() - started) / SERVE_REQUESTS * 1000


if __name__ == "__main__":
    main()
