"""The command line's arguments: one argparse parser, whose help is the command's reference.

>>> args = build_parser().parse_args(["--jsonl", "-j", "2", "--only", "breadcrumb", "pages.jsonl"])
>>> args.jsonl, args.jobs, args.only, args.files, args.mode
(True, 2, ['breadcrumb'], ['pages.jsonl'], 'auto')
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from cleantext import __version__
from cleantext.cli.fetch import TIMEOUT_SECONDS, is_url
from cleantext.cli.format import MarkdownFormat
from cleantext.cli.inputs import STDIN
from cleantext.errors import CleantextError


class UsageError(CleantextError):
    """The arguments parse but do not make sense together, or name a file that is not there."""


def check_usage(args: argparse.Namespace) -> None:
    """Raise :class:`UsageError` for options used without --jsonl and for missing input files."""
    if not (args.jsonl or args.warc) and args.jobs != 1:
        raise UsageError("--jobs works with --jsonl or --warc only")
    if not args.jsonl and args.field is not None:
        raise UsageError("--field works with --jsonl only")
    if not args.warc and args.no_removed:
        raise UsageError("--no-removed works with --warc only")
    if args.warc and args.mode != "auto":
        raise UsageError("--html and --text do not apply to --warc: each record's type decides")
    _check_urls(args)
    if args.show_gaps and not args.explain:
        raise UsageError("--show-gaps works with --explain only")
    if (args.markdown_links or args.markdown_images) and args.format != "markdown":
        raise UsageError("--markdown-links and --markdown-images work with --format markdown only")
    for path in args.files:
        if path != STDIN and not is_url(path) and not Path(path).is_file():
            why = "not a file" if Path(path).exists() else "no such file"
            raise UsageError(f"cannot read {path}: {why}")


def _check_urls(args: argparse.Namespace) -> None:
    if args.jsonl and (args.urls or any(is_url(path) for path in args.files)):
        raise UsageError("--jsonl reads files or stdin, not URLs")
    if args.warc and (args.urls or any(is_url(path) for path in args.files)):
        raise UsageError("--warc reads files or stdin, not URLs")
    for url in args.urls:
        if not is_url(url):
            raise UsageError(f"--url needs an http:// or https:// URL, got {url!r}")
    if not args.timeout > 0:
        raise UsageError(f"--timeout must be more than 0 seconds, got {args.timeout:g}")


def input_names(args: argparse.Namespace) -> list[str]:
    """The inputs in order: ``--url`` URLs, then FILEs; stdin only when neither is named.

    >>> input_names(build_parser().parse_args(["--url", "https://example.org/a"]))
    ['https://example.org/a']
    >>> input_names(build_parser().parse_args(["--url", "https://example.org/a", "-"]))
    ['https://example.org/a', '-']
    """
    # argparse hands back the default list itself when no FILE is given
    files = [] if args.urls and args.files is DEFAULT_FILES else args.files
    return [*args.urls, *files]


def markdown_format(args: argparse.Namespace) -> MarkdownFormat | None:
    """The Markdown ``--format markdown`` and its ``--markdown-*`` flags ask for, or ``None``
    for plain text.

    >>> markdown_format(build_parser().parse_args(["--format", "markdown", "--markdown-links"]))
    MarkdownFormat(links=True, images=False)
    """
    if args.format != "markdown":
        return None
    return MarkdownFormat(links=args.markdown_links, images=args.markdown_images)


DEFAULT_FILES = [STDIN]


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (its help text is the command's reference)."""
    parser = argparse.ArgumentParser(
        prog="cleantext",
        description="Remove boilerplate from scraped pages: reads stdin or FILEs, writes clean text.",
        epilog="Exit status: 0 ok, 1 an input or record failed, 2 bad usage, 130 interrupted, 141 output closed. See docs/cli.md.",
    )
    parser.add_argument(
        "files",
        nargs="*",
        default=DEFAULT_FILES,
        metavar="FILE",
        help="inputs (default: stdin; .gz is unzipped; an http(s) URL is fetched)",
    )
    _add_url_options(parser)
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
    shape.add_argument(
        "--warc",
        action="store_true",
        help="inputs are WARC/WET archives (found by themselves too); one JSON line per page",
    )
    parser.add_argument(
        "--no-removed", action="store_true", help="with --warc: leave out the removed segments"
    )
    parser.add_argument(
        "--show-gaps",
        action="store_true",
        help="with --explain: also list removed gaps that hold only line breaks",
    )
    parser.add_argument(
        "--format",
        choices=("text", "markdown"),
        default="text",
        help="print the clean text as plain text or Markdown; markdown also adds a "
        "'markdown' field to --json and --jsonl records (default: text)",
    )
    parser.add_argument(
        "--markdown-links",
        action="store_true",
        help="with --format markdown: keep links as [text](url), resolved against the page URL",
    )
    parser.add_argument(
        "--markdown-images",
        action="store_true",
        help="with --format markdown: keep images as ![alt](src), resolved against the page URL",
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


def _add_url_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--url", action="append", default=[], dest="urls", help="fetch and clean this page"
    )
    parser.add_argument(
        "--timeout",
        type=float,
        default=TIMEOUT_SECONDS,
        metavar="SECONDS",
        help=f"give up on a URL after this long (default {TIMEOUT_SECONDS:g})",
    )


def _add_batch_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--field",
        help="with --jsonl: the field to clean; a field named html is HTML "
        "(default: html when the record has it, else text)",
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
        "--enable",
        action="append",
        default=[],
        metavar="NAME",
        help="run a detector in every mode, even one it is off in by default (repeatable)",
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
