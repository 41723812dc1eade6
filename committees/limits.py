"""Run work on hostile input under memory and time limits, so one file cannot take the site down.

`run_limited(func, *args, memory_bytes, cpu_seconds, wall_seconds)` calls `func` in a forked
child process that sets its own `resource` limits first, and hands back its result or its
exception; `run_limited_all(calls, processes=…)` runs several calls so, side by side. The
parent also watches each child's private memory (Linux's smaps_rollup) every fifth of a
second, which counts what the child allocates and copies, however the heap it inherited is laid
out. A child past a limit is stopped and `LimitExceeded` raised in the caller: the process that
serves the site (or runs the task) is never the one that runs out.

The child is a fork, so `func` and its arguments need not be picklable; only the result and
exceptions travel back, pickled. The child never touches the database: it leaves the inherited
connections alone and ends with `os._exit` (as multiprocessing's forked children do), so nothing
is closed or rolled back behind the parent's back.
"""

import functools
import math
import multiprocessing
import multiprocessing.connection
import os
import resource
import signal
import time
import traceback

# How often the parent calls `on_wait` while the child works, and looks at its memory.
WAIT_SECONDS = 5
MEMORY_CHECK_SECONDS = 0.2


class LimitExceeded(Exception):
    """The child went past a limit. `kind` is "memory" or "time"; `limit` is in bytes or seconds.

    Its message ends a sentence: "The agenda pack " + message + " to render".
    """

    def __init__(self, kind: str, limit: float):
        self.kind = kind
        self.limit = limit
        if kind == "memory":
            message = f"needed more than {size_label(limit)} of memory"
        else:
            message = f"took longer than {duration_label(limit)}"
        super().__init__(message)


def size_label(size: float) -> str:
    """A size in bytes as people read it: 1 GiB → "1 GB", 300 MiB → "300 MB", 92 KiB → "92 KB"."""
    if size >= 1024**3:
        return f"{size / 1024**3:.3g} GB"
    if size >= 1024**2:
        return f"{round(size / 1024**2)} MB"
    return f"{round(size / 1024)} KB"


def duration_label(seconds: float) -> str:
    if seconds >= 120:
        return f"{seconds / 60:g} minutes"
    return f"{seconds:g} second{'' if seconds == 1 else 's'}"


def run_limited(func, *args, memory_bytes, cpu_seconds, wall_seconds, on_wait=None, **kwargs):
    """`func(*args, **kwargs)` in a child process with at most `memory_bytes` more memory than
    the caller has, `cpu_seconds` of processor time and `wall_seconds` on the clock.

    Returns func's result; re-raises the exception it raised; raises LimitExceeded if it ran
    out of memory or time. `on_wait()`, if given, is called about every WAIT_SECONDS while
    the child works (a progress heartbeat).
    """
    [result] = run_limited_all(
        [functools.partial(func, *args, **kwargs)],
        processes=1,
        memory_bytes=memory_bytes,
        cpu_seconds=cpu_seconds,
        wall_seconds=wall_seconds,
        on_wait=on_wait,
    )
    return result


def run_limited_all(calls, *, processes, memory_bytes, cpu_seconds, wall_seconds, on_wait=None):
    """[call() for call in calls], each in a child process of its own under the limits of
    `run_limited`, at most `processes` at a time, so that the work spreads over the cores.

    The first child to fail stops the others: its exception (or LimitExceeded) is raised.
    """
    context = multiprocessing.get_context("fork")
    results = [None] * len(calls)
    queued = list(enumerate(calls))
    running = {}
    waited = time.monotonic()
    try:
        while queued or running:
            while queued and len(running) < processes:
                index, call = queued.pop(0)
                running[index] = _Child(context, call, memory_bytes, cpu_seconds, wall_seconds)
            for child in running.values():
                child.check()
            timeout = min(MEMORY_CHECK_SECONDS, *(child.remaining() for child in running.values()))
            ready = multiprocessing.connection.wait(
                [child.receiver for child in running.values()], max(timeout, 0)
            )
            for index, child in list(running.items()):
                if child.receiver in ready:
                    del running[index]
                    results[index] = child.result()
            if on_wait is not None and time.monotonic() - waited >= WAIT_SECONDS:
                on_wait()
                waited = time.monotonic()
    finally:
        for child in running.values():
            child.close()
    return results


class _Child:
    """A forked child process running one call under the limits, and the parent's watch on it."""

    def __init__(self, context, call, memory_bytes, cpu_seconds, wall_seconds):
        self.memory_bytes = memory_bytes
        self.cpu_seconds = cpu_seconds
        self.wall_seconds = wall_seconds
        self.receiver, sender = context.Pipe(duplex=False)
        self.process = context.Process(
            target=_child, args=(sender, call, (), {}, memory_bytes, cpu_seconds)
        )
        self.deadline = time.monotonic() + wall_seconds
        self.process.start()
        sender.close()  # the child holds the only writing end: its death is end-of-file here

    def remaining(self):
        return self.deadline - time.monotonic()

    def check(self):
        """Raise LimitExceeded if the child is past its clock or memory limit."""
        if self.remaining() <= 0:
            raise LimitExceeded("time", self.wall_seconds)
        # The child's own memory: what it allocated and the parent's pages it wrote to (copied
        # on write). Its address-space limit alone is loose, as the child may reuse memory the
        # parent freed but still holds.
        if (_private_bytes(self.process.pid) or 0) > self.memory_bytes:
            raise LimitExceeded("memory", self.memory_bytes)

    def result(self):
        """The call's result, once the child has sent it or died; the child is gone after."""
        try:
            try:
                outcome, value = self.receiver.recv()
            except EOFError:  # the child died without a word
                self.process.join()
                if self.process.exitcode == -signal.SIGXCPU:
                    raise LimitExceeded("time", self.cpu_seconds) from None
                # Under RLIMIT_AS, C libraries that cannot handle a failed allocation abort or
                # crash, and the kernel's out-of-memory killer sends SIGKILL: all of it is memory.
                raise LimitExceeded("memory", self.memory_bytes) from None
            self.process.join(WAIT_SECONDS)  # it ends as soon as it has sent
        finally:
            self.close()
        if outcome == "memory":
            raise LimitExceeded("memory", self.memory_bytes)
        if outcome == "error":
            raise value
        return value

    def close(self):
        self.receiver.close()
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        self.process.close()


def _child(sender, func, args, kwargs, memory_bytes, cpu_seconds):
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))  # a crash leaves no core file behind
    cpu = math.ceil(cpu_seconds)
    # SIGXCPU at the soft limit ends the process; SIGKILL a second later if something caught it.
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
    # The fork starts with the parent's whole address space (its libraries, its threads'
    # stacks and arenas), so the limit is on what the work adds to it. A backstop: the parent
    # also watches the child's private memory, which this cannot see.
    limit = _address_space() + memory_bytes
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    try:
        outcome = ("result", func(*args, **kwargs))
    except Exception as error:
        if _caused_by_memory(error):
            outcome = ("memory", None)
        else:
            error.add_note("In the limited child process:\n" + traceback.format_exc())
            outcome = ("error", error)
    try:
        sender.send(outcome)
    except MemoryError:
        pass  # the parent reads end-of-file: out of memory
    except Exception as error:  # a result or an exception that cannot be pickled
        unpicklable = outcome[1] if outcome[0] == "error" else error
        sender.send(("error", RuntimeError(f"{type(unpicklable).__name__}: {unpicklable}")))


def _private_bytes(pid: int) -> int | None:
    """Memory that belongs to process `pid` alone, in bytes (Linux /proc; None elsewhere)."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as rollup:
            return sum(
                int(line.split()[1]) * 1024
                for line in rollup
                if line.startswith(("Private_Clean:", "Private_Dirty:"))
            )
    except (OSError, ValueError, IndexError):
        return None


def _address_space() -> int:
    """The process's current virtual memory size, in bytes (Linux /proc; 0 elsewhere)."""
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except OSError:
        return 0


def _caused_by_memory(error: BaseException | None) -> bool:
    """True if `error` is a MemoryError or was raised while handling one: libraries turn a
    failed allocation into their own errors ("the PDF cannot be read")."""
    seen = set()
    while error is not None and id(error) not in seen:
        if isinstance(error, MemoryError):
            return True
        seen.add(id(error))
        error = error.__cause__ or error.__context__
    return False
