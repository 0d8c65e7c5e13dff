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
    try:
        # An in-memory file, not a pipe: the child writes its half at its own pace, not 64 KiB
        # at a time as the parent reads (5,000 rendered entries are 9 MB).
        handed = os.memfd_create("scholar-half", os.MFD_CLOEXEC)
    except (AttributeError, OSError):  # an old kernel
        return work(items)
    try:
        child = os.fork()
    except OSError:
        os.close(handed)
        return work(items)
    if child == 0:
        _hand_over(handed, lambda: work(items[half:]))
    try:
        mine = work(items[:half])
    finally:
        theirs = _take_over(handed, child)
    if not isinstance(theirs, list) or len(theirs) != len(items) - half:
        theirs = work(items[half:])  # the child failed (a file gone, say): as a lone run would
    return mine + theirs


def in_child() -> bool:
    """Whether this process is a child that in_two_processes forked (which should not report progress)."""
    return _forked


_forked = False


def _hand_over(handed: int, work: Callable[[], list[Result]]) -> None:
    """In the child: do the work, write the result to the shared file, end at once."""
    import pickle

    global _forked
    _forked = True
    status = 1
    try:
        with os.fdopen(handed, "wb") as file:
            pickle.dump(work(), file, protocol=pickle.HIGHEST_PROTOCOL)
        status = 0
    finally:
        os._exit(status)  # never run the parent's exit handlers or flush its buffers


def _take_over(handed: int, child: int) -> object:
    """In the parent: the child's result once it has ended, or None if it failed."""
    import pickle

    _, status = os.waitpid(child, 0)
    with os.fdopen(handed, "rb") as file:
        if status != 0:
            return None
        file.seek(0)  # the child's writes moved the offset the two processes share
        data = file.read()
    return pickle.loads(data) if data else None
