"""Process-level speed tricks, in one place, each with the measurement that justifies it.

A reading command on 10,000 works takes about 0.1 s, so a few milliseconds matter. These tricks
touch the whole process (the garbage collector, how it ends, a second process), so only the
entry point (cli.main), the index (its scan, and reading many records), the rendering of many
export entries and the converting of many imported entries use them; the rest of the code knows
nothing of them.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import TypeVar

    Item = TypeVar("Item")
    Result = TypeVar("Result")


def pause_collector_for_process() -> None:
    """Turn the garbage collector off for a short command that makes no cycles worth finding.

    Reading 10,000 records makes a few hundred thousand objects and no garbage; the collector's
    passes over them cost about 20 ms of an export, and its first pass at exit about 4 ms.
    """
    gc.disable()


def resume_collector() -> None:
    gc.enable()


@contextmanager
def collector_paused() -> Iterator[None]:
    """The collector off for a block (a large read), restored after it."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def end_process(status: int) -> None:
    """End the process at once, without freeing what it read (10,000 works: about 10 ms)."""
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except OSError:  # a reader that went away; the command has said what it had to
        pass
    os._exit(status)


def in_two_processes(work: Callable[[Sequence[Item]], list[Result]], items: Sequence[Item]) -> list[Result]:
    """``work(items)``, the second half done by a forked child on another CPU.

    For the scan's stat calls: one stat costs a few microseconds, mostly in the kernel, and the
    stat of 10,000 files is the largest fixed cost of a reading command (43 ms alone, 28 ms in
    two processes). Threads would not help, since each stat holds Python's lock between the short
    system calls. And for reading records when there is no index, or no use of it (`check`):
    reading, parsing and validating 10,000 records takes about 0.35 s, 0.2 s in two processes.
    The child hands its results back pickled (plain values: 5,000 works take about 6 ms to
    unpickle, named tuples twice as long). Where fork is not safe (not Linux, threads running) or
    there is one CPU, or anything goes wrong, everything is done here.
    """
    threads = sys.modules.get("threading")
    if (
        not sys.platform.startswith("linux")
        or len(os.sched_getaffinity(0)) < 2
        or (threads is not None and threads.active_count() > 1)
    ):
        return work(items)
    half = len(items) // 2
    reading, writing = os.pipe()
    try:
        child = os.fork()
    except OSError:
        os.close(reading)
        os.close(writing)
        return work(items)
    if child == 0:
        _hand_over(writing, reading, lambda: work(items[half:]))
    os.close(writing)
    try:
        mine = work(items[:half])
    finally:
        theirs = _take_over(reading, child)
    if not isinstance(theirs, list) or len(theirs) != len(items) - half:
        theirs = work(items[half:])  # the child failed (a file gone, say): as a lone run would
    return mine + theirs


def in_child() -> bool:
    """Whether this process is a child that in_two_processes forked (which should not report progress)."""
    return _forked


_forked = False


def _hand_over(writing: int, reading: int, work: Callable[[], list[Result]]) -> None:
    """In the child: do the work, hand the result over the pipe, end at once."""
    import pickle

    global _forked
    _forked = True
    status = 1
    try:
        os.close(reading)
        with os.fdopen(writing, "wb") as pipe:
            pickle.dump(work(), pipe, protocol=pickle.HIGHEST_PROTOCOL)
        status = 0
    finally:
        os._exit(status)  # never run the parent's exit handlers or flush its buffers


def _take_over(reading: int, child: int) -> object:
    import pickle

    with os.fdopen(reading, "rb") as pipe:
        handed = pipe.read()
    _, status = os.waitpid(child, 0)
    return pickle.loads(handed) if status == 0 and handed else None
