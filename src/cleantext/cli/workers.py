"""Worker processes for batches: an ordered map over a pool that survives a dead worker.

>>> list(ordered_map(abs, [-3, 2, -1], jobs=1))
[3, 2, 1]
"""

from __future__ import annotations

import mmap
import multiprocessing
import signal
from collections import deque
from collections.abc import Callable, Generator, Iterable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

from cleantext.errors import CleantextError

CHUNKS_AHEAD_PER_JOB = 4
"""Chunks in flight per worker: enough to keep workers busy, few enough to bound memory."""
MAX_POOL_RESTARTS = 20
"""New worker pools started after workers died, before the run stops with an error."""
LOST_WORKER = "a worker process died (killed, or out of memory) while this record was in flight"

STOP_SIGNALS = {signal.SIGINT, signal.SIGTERM}
"""The signals held back while a pool starts."""
POOL_START_SECONDS = 120
"""Seconds a new pool's workers may take to start before the run stops with an error."""
STOP_SECONDS = 5
"""Seconds a stopped pool's processes and manager thread are waited for."""
WATCH_SECONDS = 2.0
"""Seconds between looks at the workers while a result is awaited (see :meth:`_Workers.result`)."""
RESERVE_BYTES = 32 << 20
"""Address space a :class:`MemoryReserve` holds back for handling a MemoryError."""

Item = TypeVar("Item")
Outcomes = TypeVar("Outcomes")


class WorkerLostError(CleantextError):
    """A worker process died and the batch cannot go on."""


def ordered_map(
    function: Callable[[Item], Outcomes],
    items: Iterable[Item],
    jobs: int,
    lost: Callable[[Item, str], Outcomes] | None = None,
) -> Generator[Outcomes, None, None]:
    """``map(function, items)`` over ``jobs`` processes, in order, with few items in flight.

    A worker that dies (killed, or out of memory) takes the items in flight with it:
    each becomes ``lost(item, why)`` (or the run stops with :class:`WorkerLostError` when
    ``lost`` is None), and a new pool goes on with the rest, never a hang. After
    :data:`MAX_POOL_RESTARTS` new pools the run stops.
    """
    if jobs <= 1:
        yield from map(function, items)
        return
    workers = _Workers(jobs)
    try:
        pending: deque[tuple[Item, Future[Outcomes]]] = deque()
        for item in items:
            pending.append((item, workers.submit(function, item)))
            while pending and (len(pending) >= jobs * CHUNKS_AHEAD_PER_JOB or pending[0][1].done()):
                yield _outcome(*pending.popleft(), workers, lost)
        while pending:
            yield _outcome(*pending.popleft(), workers, lost)
    except BaseException:  # Ctrl-C, SIGTERM, an error, or the caller stopped reading
        workers.stop()
        raise
    workers.close()


def _outcome(
    item: Item,
    future: Future[Outcomes],
    workers: _Workers,
    lost: Callable[[Item, str], Outcomes] | None,
) -> Outcomes:
    try:
        return workers.result(future)
    except BrokenProcessPool:
        why = workers.restart()
    except MemoryError:
        why = "the worker ran out of memory on the records sent with this one"
    except Exception as error:  # the worker could not run or return it
        why = (
            f"the worker failed on the records sent with this one: {type(error).__name__}: {error}"
        )
    if lost is None:
        raise WorkerLostError(why)
    return lost(item, why)


class MemoryReserve:
    """Address space held back while risky work runs, and given back when it runs out.

    A MemoryError leaves a process at its limit, where even reporting the error can fail
    again; releasing the reserve first leaves room to report it. The reserve is an
    anonymous mapping: it counts against an address-space limit (``ulimit -v``) but
    costs no physical memory until touched, so holding it is cheap.

    >>> with MemoryReserve() as reserve:
    ...     reserve.release()
    """

    def __init__(self, size: int = RESERVE_BYTES) -> None:
        self.size = size
        self.mapping: mmap.mmap | None = None

    def __enter__(self) -> MemoryReserve:
        try:
            self.mapping = mmap.mmap(-1, self.size)
        except (OSError, MemoryError):  # already at the limit: go on without a reserve
            self.mapping = None
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.release()

    def release(self) -> None:
        """Give the reserve back (again is harmless)."""
        if self.mapping is not None:
            self.mapping.close()
            self.mapping = None


def out_of_memory_message(size: int, advice: str) -> str:
    """What the error record of an input of ``size`` bytes that ran out of memory says.

    >>> out_of_memory_message(25_165_824, "give the command more memory")
    'out of memory while cleaning this record (25,165,824 bytes): give the command more memory'
    """
    return f"out of memory while cleaning this record ({size:,} bytes): {advice}"


def each_within_memory(
    clean: Callable[[Item], Outcomes],
    items: Iterable[Item],
    out_of_memory: Callable[[Item], Outcomes],
) -> list[Outcomes]:
    """``clean`` each item; one that runs out of memory gives ``out_of_memory(item)``.

    A :class:`MemoryReserve` is held while each item is cleaned and given back before
    ``out_of_memory`` runs, so that building the error record cannot fail in turn.

    >>> each_within_memory(len, ["ab", "c"], lambda item: -1)
    [2, 1]
    """
    outcomes = []
    for item in items:
        with MemoryReserve() as reserve:
            try:
                outcome = clean(item)
                failed = False
            except MemoryError:
                failed = True  # leaving the handler frees what the failed item held
            if failed:
                reserve.release()
                outcome = out_of_memory(item)
        outcomes.append(outcome)
    return outcomes


class _Workers:
    """A process pool that is replaced when one of its workers dies."""

    def __init__(self, jobs: int) -> None:
        self.jobs = jobs
        self.pool = _start_pool(jobs)
        self.restarts = 0
        self.dead_worker_looks = 0

    def submit(self, function: Callable[[Item], Outcomes], item: Item) -> Future[Outcomes]:
        """Send ``item`` to a worker; a pool found broken here is replaced first."""
        try:
            return self.pool.submit(function, item)
        except BrokenProcessPool:  # a worker died since the last submit
            self.restart()
            return self.pool.submit(function, item)

    def restart(self) -> str:
        """Start a new pool if this one is broken; return what happened, for the records."""
        if _is_broken(self.pool):
            if self.restarts >= MAX_POOL_RESTARTS:
                raise WorkerLostError(
                    f"worker processes died {self.restarts + 1} times; stopping "
                    "(a record may need more memory than allowed: try -j 1 or smaller records)"
                )
            _terminate(self.pool)
            self.pool = _start_pool(self.jobs)
            self.restarts += 1
            self.dead_worker_looks = 0
        return LOST_WORKER

    def result(self, future: Future[Outcomes]) -> Outcomes:
        """The future's outcome, with a look at the workers every :data:`WATCH_SECONDS`.

        A worker killed while it sends a result leaves half a message in the result
        pipe, and the pool's manager thread waits for the rest for ever, so the pool
        never finds out that it is broken. When a dead worker is seen twice in a row in
        a pool not marked broken, the pool is broken by hand: its other workers are
        stopped and this process's end of the result pipe is closed, so that the
        manager thread reads an end of file, marks the pool broken and fails its futures.
        """
        while True:
            try:
                return future.result(timeout=WATCH_SECONDS)
            except TimeoutError:
                if future.done():  # the function itself raised TimeoutError
                    raise
            if _is_broken(self.pool) or not _dead_workers(self.pool):
                self.dead_worker_looks = 0
                continue
            self.dead_worker_looks += 1
            if self.dead_worker_looks >= 2:
                _break_stuck_pool(self.pool)

    def stop(self) -> None:
        """Stop the workers now, dropping the work they hold."""
        _terminate(self.pool)

    def close(self) -> None:
        """Let the idle workers exit and wait for them (the run is done: nothing is in flight).

        Terminating them instead races the pool's own shutdown messages, whose writer
        thread can then print a traceback about a closed pipe.
        """
        self.pool.shutdown(wait=True)


def _is_broken(pool: ProcessPoolExecutor) -> bool:
    return bool(getattr(pool, "_broken", False))


def _processes(pool: ProcessPoolExecutor) -> list[multiprocessing.Process]:
    return list((getattr(pool, "_processes", None) or {}).values())


def _dead_workers(pool: ProcessPoolExecutor) -> list[multiprocessing.Process]:
    return [process for process in _processes(pool) if process.exitcode is not None]


def _break_stuck_pool(pool: ProcessPoolExecutor) -> None:
    """Stop the workers and close this process's writing end of the result pipe."""
    for process in _processes(pool):
        process.terminate()
    _close(_result_writer(pool))


def _result_writer(pool: ProcessPoolExecutor) -> Any:
    """This process's writing end of the pool's result pipe (None once the pool shut down)."""
    return getattr(getattr(pool, "_result_queue", None), "_writer", None)


def _close(writer: Any) -> None:
    """Close a result pipe's writing end: once the workers are gone too, a manager thread
    waiting for the rest of a message reads an end of file instead."""
    if writer is not None and not writer.closed:
        writer.close()


def _terminate(pool: ProcessPoolExecutor) -> None:
    """Stop the pool's workers now, without waiting for the work they hold.

    The pool's manager thread is waited for too (a bounded wait): left running, it
    races the interpreter's exit for the pool's wake-up pipe (a traceback about a bad
    file descriptor), and a new pool would fork beside it. A manager still reading half a
    result that a terminated worker cut short is woken by an end of file: the interpreter
    waits for every manager at exit, so left stuck it would hang the process for ever (a
    closed output pipe stops the workers in the middle of sending).
    """
    processes = _processes(pool)
    manager = getattr(pool, "_executor_manager_thread", None)
    writer = _result_writer(pool)  # (the shutdown lets go of the pool's queues)
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.terminate()
    for process in processes:
        process.join(timeout=STOP_SECONDS)
    if manager is None:
        return
    manager.join(timeout=STOP_SECONDS)
    if manager.is_alive():
        _close(writer)
        manager.join(timeout=STOP_SECONDS)


def _start_pool(jobs: int) -> ProcessPoolExecutor:
    """A pool of ``jobs`` started workers, with Ctrl-C and SIGTERM held back until they are
    all up.

    A signal in the middle of starting a pool leaves it half-built, and the
    interpreter can then hang at exit waiting for it; held back, the signal
    arrives once the pool exists and can be stopped cleanly.
    """
    blocking = hasattr(signal, "pthread_sigmask")
    if blocking:
        signal.pthread_sigmask(signal.SIG_BLOCK, STOP_SIGNALS)
    try:
        pool = ProcessPoolExecutor(jobs, initializer=_worker_signals)
        try:
            pool.submit(int).result(timeout=POOL_START_SECONDS)  # workers start with a task
        except (BrokenProcessPool, TimeoutError) as error:
            _terminate(pool)
            raise WorkerLostError(f"the worker processes did not start: {error!r}") from error
        return pool
    finally:
        if blocking:
            signal.pthread_sigmask(signal.SIG_UNBLOCK, STOP_SIGNALS)


def _worker_signals() -> None:
    """Workers leave Ctrl-C to the main process, which stops them all, and die on SIGTERM.

    (A forked worker inherits the signal mask of the pool's start: SIGTERM is let through.)
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM})
