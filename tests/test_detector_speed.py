"""``benchmarks.detector_speed`` times every named text-mode detector and the scan of their
trigger words that they share, and nothing else."""

from __future__ import annotations

from benchmarks.detector_speed import measure, measure_in_engine, named_text_detectors

from cleantext.detector import Detector


def test_every_named_text_detector_is_timed() -> None:
    names = {detector.name for detector in named_text_detectors()}
    assert {"menu", "comments", "social_row"} <= names
    assert "content_classifier" not in names
    times = measure(["Home\nNews\nSport\nArts\n\nThe council met on Monday and voted."])
    assert set(times) == names | {"shared trigger scan", "named detectors", "clean_as_text"}
    assert all(seconds >= 0 for seconds in times.values())


def test_in_the_engine_the_named_detectors_are_timed_and_run_is_restored() -> None:
    plain_run = Detector.run
    times = measure_in_engine(["Home\nNews\nSport\nArts\n\nThe council met on Monday."])
    assert Detector.run is plain_run
    assert times["named detectors"] > 0
    assert times["clean_as_text"] >= times["named detectors"]
