"""The ``cleantext`` command: a filter for shell pipelines and batch jobs.

A thin layer over the library: parse the arguments, build a :class:`Config`,
clean pages (stdin or files) or JSON Lines records, and format the output.
Exit status: 0 success, 1 some input or record failed, 2 bad usage or
configuration, 130 interrupted (Ctrl-C), 141 output pipe closed. See docs/cli.md.

>>> main(["--version"])
cleantext 0.1.0
0
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import threading
from collections.abc import Sequence
from dataclasses import replace
from typing import Any, BinaryIO

from cleantext.cli.args import UsageError, build_parser, check_usage, input_names
from cleantext.cli.console import Console
from cleantext.cli.fetch import fetch, forced_content_type, is_url
from cleantext.cli.format import (
    Style,
    Tally,
    detector_listing,
    explain,
    removed_pairs,
    result_json,
    wants_colour,
)
from cleantext.cli.inputs import (
    Mode,
    choose_mode,
    clean_content,
    decode_utf8,
    display_name,
    open_input,
    open_output,
)
from cleantext.cli.jsonl import BatchJob, run_batch
from cleantext.cli.options import build_config
from cleantext.cli.warc import ArchiveError, ArchiveJob, run_archives, starts_like_warc
from cleantext.config import Config
from cleantext.errors import CleantextError, ConfigError
from cleantext.html.response import clean_page
from cleantext.model import Result

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
EXIT_INTERRUPTED, EXIT_BROKEN_PIPE, EXIT_TERMINATED = 130, 141, 143
"""128 + SIGINT, SIGPIPE and SIGTERM, as a shell reports a process stopped by those signals."""


class Terminated(BaseException):
    """SIGTERM arrived: stop like Ctrl-C does (workers stopped, output flushed), then say so."""


def _on_sigterm(signum: int, frame: object) -> None:
    raise Terminated


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command with ``argv`` (default: ``sys.argv[1:]``); return the exit status."""
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as stop:  # --help, --version and usage errors
        return stop.code if isinstance(stop.code, int) else EXIT_USAGE
    args.warc = args.warc or _all_archives(args)
    console = _console(args)
    previous = _handle_sigterm()
    try:
        return _run(args, console)
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except Terminated:
        console.error("stopped by SIGTERM; the output holds the records written before it")
        return EXIT_TERMINATED
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_BROKEN_PIPE
    finally:
        console.finish()
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def _console(args: argparse.Namespace) -> Console:
    """The stderr of this run: a progress line on a terminal, for a batch or many pages."""
    batch = bool(args.jsonl or args.warc)
    many = batch or len(args.files) > 1
    console = Console(
        sys.stderr,
        show_progress=many and sys.stderr.isatty(),
        unit="records" if batch else "files",
    )
    console.start()
    return console


def _handle_sigterm() -> Any:
    """Turn SIGTERM into :class:`Terminated` (main thread only); return the handler it replaces."""
    if threading.current_thread() is not threading.main_thread():
        return None
    return signal.signal(signal.SIGTERM, _on_sigterm)


def _run(args: argparse.Namespace, console: Console) -> int:
    if args.list_detectors:
        sys.stdout.write(detector_listing(Config()) + "\n")
        return EXIT_OK
    try:
        check_usage(args)
        config = _config(args)
    except (UsageError, ConfigError) as error:
        console.error(str(error))
        return EXIT_USAGE
    tally = Tally()
    try:
        with open_output(args.output) as sink:
            status = _run_inputs(args, config, sink, console, tally)
    except ArchiveError as error:
        console.error(str(error))
        return EXIT_USAGE
    if args.stats:
        console.finish()
        sys.stderr.write(tally.table() + "\n")
    return status


def _all_archives(args: argparse.Namespace) -> bool:
    """True when no input kind is asked for and every named input starts with ``WARC/``."""
    if args.jsonl or args.json or args.explain or args.urls or args.mode != "auto":
        return False
    return all(starts_like_warc(path) for path in args.files)


def _run_inputs(
    args: argparse.Namespace, config: Config, sink: BinaryIO, console: Console, tally: Tally
) -> int:
    flush = args.output is None
    if args.warc:
        markdown = args.format == "markdown"
        job = ArchiveJob(
            tuple(args.files), config, args.jobs, args.strict, not args.no_removed, markdown
        )
        return run_archives(job, sink, console, tally, flush=flush)
    if args.jsonl:
        return _run_batch(args, config, sink, console, tally)
    return _run_pages(args, config, sink, console, tally)


def _config(args: argparse.Namespace) -> Config:
    return build_config(
        config_file=args.config,
        enable=_names(args.enable),
        disable=_names(args.disable),
        only=_names(args.only),
        settings=args.settings,
    )


def _names(values: Sequence[str]) -> list[str]:
    return [name.strip() for value in values for name in value.split(",") if name.strip()]


def _run_batch(
    args: argparse.Namespace, config: Config, sink: BinaryIO, console: Console, tally: Tally
) -> int:
    markdown = args.format == "markdown"
    job = BatchJob(
        tuple(args.files), args.field, args.mode, config, args.jobs, args.strict, markdown
    )
    return run_batch(job, sink, console, tally, flush=args.output is None)


def _run_pages(
    args: argparse.Namespace, config: Config, sink: BinaryIO, console: Console, tally: Tally
) -> int:
    style = Style(colour=wants_colour(args.color, sys.stdout if args.output is None else None))
    status = EXIT_OK
    for path in input_names(args):
        try:
            result, size = _clean_page(path, args.mode, config, console, args.timeout)
        except (OSError, EOFError, CleantextError) as error:
            console.error(f"{display_name(path)}: {getattr(error, 'strerror', None) or error}")
            status = EXIT_FAILED
            if args.strict:
                break
            continue
        tally.add(removed_pairs(result))
        sink.write(_render(result, args, display_name(path), style).encode("utf-8", "replace"))
        console.advance(1, size)
    return status


def _clean_page(
    path: str, mode: Mode, config: Config, console: Console, timeout: float
) -> tuple[Result, int]:
    """Read (or fetch) one whole page and clean it (HTML bytes go to the HTML mode
    undecoded); return the result and the bytes read."""
    if is_url(path):
        page = fetch(path, timeout=timeout)
        forced = replace(page, content_type=forced_content_type(page.content_type, mode))
        return clean_page(forced, config=config), len(page.body)
    with open_input(path) as stream:
        data = stream.read()
    chosen, _ = choose_mode(data, mode)
    if chosen == "html":
        return clean_content(data, mode="html", config=config), len(data)
    text, warning = decode_utf8(data, display_name(path))
    result = clean_content(text, mode="text", config=config)  # binary input stops here
    if warning is not None:
        console.warn(warning)
    return result, len(data)


def _render(result: Result, args: argparse.Namespace, name: str, style: Style) -> str:
    markdown = args.format == "markdown"
    if args.json:
        return result_json(result, markdown=markdown, mode_guessed=args.mode == "auto") + "\n"
    body = result.to_markdown() if markdown else result.text
    if args.explain:
        return f"{body}\n\n{explain(result, name, style, gaps=args.show_gaps)}\n"
    return body + "\n"


def _silence_stdout() -> None:
    """Point stdout at devnull so the interpreter's final flush cannot fail again."""
    try:
        descriptor = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, descriptor)
    os.close(devnull)
