"""Peak resident memory of ``clean_html``'s two phases, each over the input's size.

Run from the repository root::

    python -m benchmarks.memory_phases --shape html_paragraphs --megabytes 10

*Reading* is the parse, the render and the lines' evidence (a page of at least
:data:`~cleantext.html.api.STREAM_CHARS` characters is parsed in pieces and walked as it is
parsed: its whole tree is never held); *deciding* is the rest (engine, detectors,
classifier, result), after the tree is released (:func:`cleantext.html.parse.release_tree_memory`). Each figure is the highest
resident memory of its phase over the resident memory once the input was built, as
:mod:`benchmarks.scaling` measures the whole (Linux only: the peak is reset between the
phases through ``/proc/self/clear_refs``). The larger of the two is scaling's figure.
"""

from __future__ import annotations

import argparse
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context

import cleantext
import cleantext.html.api
from benchmarks.scaling import HTML_SHAPES, MB, _reset_peak_kb, _status_kb


def phase_peaks(shape: str, megabytes: int) -> tuple[float, float, float]:
    """Input MB, and the reading's and the deciding's peak RSS increase in MB (this process)."""
    text = HTML_SHAPES[shape](megabytes * MB)
    release = cleantext.html.api.release_tree_memory
    reading: list[int] = []

    def released(chars: int) -> None:
        reading.append(_status_kb("VmHWM"))
        release(chars)
        _reset_peak_kb()

    cleantext.html.api.release_tree_memory = released
    baseline = _reset_peak_kb()
    if baseline is None:
        raise SystemExit("needs Linux's /proc/self/clear_refs")
    cleantext.clean_html(text)
    deciding = _status_kb("VmHWM")
    return len(text.encode()) / MB, (reading[0] - baseline) / 1000, (deciding - baseline) / 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shape", choices=sorted(HTML_SHAPES), default="html_paragraphs")
    parser.add_argument("--megabytes", type=int, default=10)
    args = parser.parse_args()
    with ProcessPoolExecutor(max_workers=1, mp_context=get_context("spawn")) as pool:
        size, reading, deciding = pool.submit(phase_peaks, args.shape, args.megabytes).result()
    print(f"{args.shape}, {size:.1f} MB; peak RSS increase over the input:")
    print(f"  reading              {reading:7.0f} MB {reading / size:5.1f}x")
    print(f"  deciding             {deciding:7.0f} MB {deciding / size:5.1f}x")


if __name__ == "__main__":
    main()
