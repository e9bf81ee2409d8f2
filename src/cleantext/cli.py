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
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import BinaryIO

from cleantext import __version__
from cleantext.cli_console import Console
from cleantext.cli_format import (
    Style,
    Tally,
    detector_listing,
    explain,
    removed_pairs,
    result_json,
    wants_colour,
)
from cleantext.cli_io import (
    STDIN,
    Mode,
    clean_content,
    decode_utf8,
    display_name,
    is_html,
    open_input,
    open_output,
)
from cleantext.cli_jsonl import BatchJob, run_batch
from cleantext.cli_options import build_config
from cleantext.config import Config
from cleantext.errors import CleantextError, ConfigError
from cleantext.model import Result

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
EXIT_INTERRUPTED, EXIT_BROKEN_PIPE = 130, 141
"""128 + SIGINT and 128 + SIGPIPE, as a shell reports a process stopped by those signals."""


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command with ``argv`` (default: ``sys.argv[1:]``); return the exit status."""
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as stop:  # --help, --version and usage errors
        return stop.code if isinstance(stop.code, int) else EXIT_USAGE
    console = Console(sys.stderr, show_progress=bool(args.jsonl) and sys.stderr.isatty())
    try:
        return _run(args, console)
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_BROKEN_PIPE
    finally:
        console.finish()


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (its help text is the command's reference)."""
    parser = argparse.ArgumentParser(
        prog="cleantext",
        description="Remove boilerplate from scraped pages: reads stdin or FILEs, writes clean text.",
        epilog="Exit status: 0 ok, 1 an input or record failed, 2 bad usage, 130 interrupted.",
    )
    parser.add_argument(
        "files", nargs="*", metavar="FILE", help="inputs (default: stdin; .gz is unzipped)"
    )
    _add_format_options(parser)
    _add_batch_options(parser)
    _add_detector_options(parser)
    parser.add_argument("--version", action="version", version=f"cleantext {__version__}")
    return parser


def _add_format_options(parser: argparse.ArgumentParser) -> None:
    kind = parser.add_mutually_exclusive_group()
    kind.add_argument(
        "--html", dest="mode", action="store_const", const="html", help="input is HTML"
    )
    kind.add_argument(
        "--text", dest="mode", action="store_const", const="text", help="input is text"
    )
    parser.set_defaults(mode="auto")
    shape = parser.add_mutually_exclusive_group()
    shape.add_argument(
        "--explain", action="store_true", help="after the text, list what was removed and why"
    )
    shape.add_argument(
        "--json", action="store_true", help="print the result as one JSON object per input"
    )
    shape.add_argument(
        "--jsonl", action="store_true", help="inputs are JSON Lines records; clean --field of each"
    )
    parser.add_argument(
        "-o", "--output", metavar="FILE", help="write here instead of stdout (.gz is zipped)"
    )
    parser.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour --explain (default: auto, when stdout is a terminal)",
    )
    parser.add_argument(
        "--stats",
        action="store_true",
        help="at the end, print removed segments by detector on stderr",
    )


def _add_batch_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--field", default="text", help="with --jsonl: the field to clean (default: text)"
    )
    parser.add_argument(
        "-j",
        "--jobs",
        type=_job_count,
        default=1,
        metavar="N",
        help="with --jsonl: worker processes (0: one per CPU; default 1)",
    )
    parser.add_argument(
        "--strict", action="store_true", help="stop at the first input or record that fails"
    )


def _add_detector_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--list-detectors",
        action="store_true",
        help="list detectors with their parameters and exit",
    )
    parser.add_argument(
        "--disable",
        action="append",
        default=[],
        metavar="NAME",
        help="switch a detector off (repeatable, or comma-separated)",
    )
    parser.add_argument(
        "--only",
        action="append",
        default=[],
        metavar="NAME",
        help="run only these detectors (repeatable, or comma-separated)",
    )
    parser.add_argument(
        "--set",
        action="append",
        default=[],
        dest="settings",
        metavar="DETECTOR.PARAM=VALUE",
        help="set a detector parameter (or threshold=VALUE)",
    )
    parser.add_argument(
        "--config",
        metavar="FILE.toml",
        help="read detector settings from a TOML file (Python 3.11+)",
    )


def _job_count(text: str) -> int:
    try:
        count = int(text)
    except ValueError:
        count = -1
    if count < 0:
        raise argparse.ArgumentTypeError(
            f"must be a whole number >= 0 (0: one per CPU), got {text!r}"
        )
    return count or os.cpu_count() or 1


def _run(args: argparse.Namespace, console: Console) -> int:
    if args.list_detectors:
        sys.stdout.write(detector_listing(Config()) + "\n")
        return EXIT_OK
    problem = _usage_problem(args)
    if problem is None:
        try:
            config = _config(args)
        except ConfigError as error:
            problem = str(error)
    if problem is not None:
        console.error(problem)
        return EXIT_USAGE
    tally = Tally()
    with open_output(args.output) as sink:
        status = (
            _run_batch(args, config, sink, console, tally)
            if args.jsonl
            else _run_pages(args, config, sink, console, tally)
        )
    if args.stats:
        console.finish()
        sys.stderr.write(tally.table() + "\n")
    return status


def _usage_problem(args: argparse.Namespace) -> str | None:
    if not args.jsonl and (args.jobs != 1 or args.field != "text"):
        return "--jobs and --field work with --jsonl only"
    args.files = args.files or [STDIN]
    for path in args.files:
        if path != STDIN and not Path(path).is_file():
            return f"cannot read {path}: no such file"
    return None


def _config(args: argparse.Namespace) -> Config:
    return build_config(
        config_file=args.config,
        disable=_names(args.disable),
        only=_names(args.only),
        settings=args.settings,
    )


def _names(values: Sequence[str]) -> list[str]:
    return [name.strip() for value in values for name in value.split(",") if name.strip()]


def _run_batch(
    args: argparse.Namespace, config: Config, sink: BinaryIO, console: Console, tally: Tally
) -> int:
    job = BatchJob(tuple(args.files), args.field, args.mode, config, args.jobs, args.strict)
    return run_batch(job, sink, console, tally)


def _run_pages(
    args: argparse.Namespace, config: Config, sink: BinaryIO, console: Console, tally: Tally
) -> int:
    style = Style(colour=args.output is None and wants_colour(args.color, sys.stdout))
    status = EXIT_OK
    for path in args.files:
        try:
            result = _clean_page(path, args.mode, config, console)
        except (OSError, EOFError, CleantextError) as error:
            console.error(f"{display_name(path)}: {getattr(error, 'strerror', None) or error}")
            status = EXIT_FAILED
            if args.strict:
                break
            continue
        tally.add(removed_pairs(result))
        sink.write(_render(result, args, display_name(path), style).encode("utf-8", "replace"))
    return status


def _clean_page(path: str, mode: Mode, config: Config, console: Console) -> Result:
    """Read one whole page and clean it; HTML bytes go to the HTML mode undecoded."""
    with open_input(path) as stream:
        data = stream.read()
    if is_html(data, mode):
        return clean_content(data, html=True, config=config)
    text, warning = decode_utf8(data, display_name(path))
    if warning is not None:
        console.warn(warning)
    return clean_content(text, html=False, config=config)


def _render(result: Result, args: argparse.Namespace, name: str, style: Style) -> str:
    if args.json:
        return result_json(result) + "\n"
    if args.explain:
        return f"{result.text}\n\n{explain(result, name, style)}\n"
    return result.text + "\n"


def _silence_stdout() -> None:
    """Point stdout at devnull so the interpreter's final flush cannot fail again."""
    try:
        descriptor = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, descriptor)
    os.close(devnull)
