"""Work on hostile input runs in a child process that cannot take the server's memory or time."""

import functools
import os
import time

import pytest
from django.core.exceptions import ValidationError

from committees import limits
from committees.limits import LimitExceeded, run_limited, run_limited_all
from committees.models import Meeting
from committees.packs.pdf import PackRenderError
from tests.factories import MeetingFactory

MB = 1024 * 1024
# Generous limits for the runs that are not about them.
ROOMY = {"memory_bytes": 256 * MB, "cpu_seconds": 10, "wall_seconds": 10}


def allocate(size):
    return len(bytearray(size))


def spin():
    while True:
        pass


def refuse(message):
    raise ValidationError(message, code="too_complex")


def test_the_result_comes_back_from_the_child():
    assert run_limited(allocate, 10 * MB, **ROOMY) == 10 * MB


def test_the_work_runs_in_another_process():
    assert run_limited(os.getpid, **ROOMY) != os.getpid()


def meet(mine, other, folder):
    """Say `mine` has started, and wait until `other` has too."""
    (folder / mine).touch()
    while not (folder / other).exists():
        time.sleep(0.01)
    return mine


def test_calls_run_side_by_side_and_come_back_in_order(tmp_path):
    calls = [
        functools.partial(meet, "a", "b", tmp_path),
        functools.partial(meet, "b", "a", tmp_path),
    ]
    assert run_limited_all(calls, processes=2, **ROOMY) == ["a", "b"]
    # One at a time, the first waits for the second in vain until its clock runs out.
    with pytest.raises(LimitExceeded) as exceeded:
        run_limited_all(
            [
                functools.partial(meet, "c", "d", tmp_path),
                functools.partial(meet, "d", "c", tmp_path),
            ],
            processes=1,
            memory_bytes=64 * MB,
            cpu_seconds=10,
            wall_seconds=1,
        )
    assert exceeded.value.kind == "time"
    assert not (tmp_path / "d").exists()


def test_the_first_failure_stops_the_other_calls(tmp_path):
    with pytest.raises(ValidationError):
        run_limited_all(
            [spin, functools.partial(refuse, "Too complex.")],
            processes=2,
            memory_bytes=64 * MB,
            cpu_seconds=600,
            wall_seconds=600,
        )


def test_allocating_far_beyond_the_memory_limit_is_stopped():
    with pytest.raises(LimitExceeded) as exceeded:
        run_limited(allocate, 2048 * MB, memory_bytes=64 * MB, cpu_seconds=10, wall_seconds=10)

    assert exceeded.value.kind == "memory"
    assert str(exceeded.value) == "needed more than 64 MB of memory"


def test_a_library_that_turns_running_out_of_memory_into_its_own_error_is_still_out_of_memory():
    def read():
        try:
            allocate(2048 * MB)
        except MemoryError as error:
            raise ValueError("the file cannot be read") from error

    with pytest.raises(LimitExceeded) as exceeded:
        run_limited(read, memory_bytes=64 * MB, cpu_seconds=10, wall_seconds=10)

    assert exceeded.value.kind == "memory"


def test_a_busy_loop_past_the_processor_time_limit_is_stopped():
    with pytest.raises(LimitExceeded) as exceeded:
        run_limited(spin, memory_bytes=64 * MB, cpu_seconds=1, wall_seconds=30)

    assert exceeded.value.kind == "time"
    assert str(exceeded.value) == "took longer than 1 second"


def test_work_that_waits_past_the_clock_limit_is_stopped_and_killed():
    started = time.monotonic()

    with pytest.raises(LimitExceeded) as exceeded:
        run_limited(time.sleep, 60, memory_bytes=64 * MB, cpu_seconds=60, wall_seconds=0.5)

    assert exceeded.value.kind == "time"
    assert time.monotonic() - started < 10


def test_the_childs_validation_error_arrives_with_its_message_and_code():
    message = "“report.docx” is too large or complex to read"

    with pytest.raises(ValidationError) as refusal:
        run_limited(refuse, message, **ROOMY)

    assert (refusal.value.messages, refusal.value.code) == ([message], "too_complex")


def test_the_childs_pack_render_error_arrives_with_its_message():
    def render():
        raise PackRenderError("The uploaded PDF of “Valuation” cannot be read.")

    with pytest.raises(PackRenderError) as failure:
        run_limited(render, **ROOMY)

    assert str(failure.value) == "The uploaded PDF of “Valuation” cannot be read."
    # Where it was raised, for the server's log.
    assert "in render" in failure.value.__notes__[0]


def test_on_wait_is_called_while_the_child_works(monkeypatch):
    monkeypatch.setattr(limits, "WAIT_SECONDS", 0.05)
    calls = []

    run_limited(time.sleep, 0.5, on_wait=lambda: calls.append(time.monotonic()), **ROOMY)

    assert len(calls) >= 3


@pytest.mark.django_db(transaction=True)
def test_the_callers_database_connection_survives_the_child():
    MeetingFactory()

    run_limited(allocate, MB, **ROOMY)
    with pytest.raises(LimitExceeded):
        run_limited(allocate, 2048 * MB, memory_bytes=64 * MB, cpu_seconds=10, wall_seconds=10)

    assert Meeting.objects.count() == 1
