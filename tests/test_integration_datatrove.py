"""The datatrove steps end to end: WarcReader -> cleantext step -> JsonlWriter, 2 tasks."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from benchmarks.archives import conversion_record, record_id, response_record, write_archive

import cleantext
from corpus_support import page_url, write_warc, write_wet

pytest.importorskip("datatrove")
pytest.importorskip("warcio")
from datatrove.executor import LocalPipelineExecutor
from datatrove.pipeline.readers import WarcReader
from datatrove.pipeline.writers import JsonlWriter

from cleantext.integrations.datatrove import (
    CleantextExtractor,
    CleantextTextCleaner,
)
from cleantext.integrations.summary import removal_summary

EMPTY_HTML = b"<html><body><nav><a href='/'>Home</a> | <a href='/news'>News</a></nav></body></html>"
EMPTY_TEXT = "Home > News > World\n\n© 2024 Example Media. All rights reserved."
TIMEOUT = 60
"""Generous: the test machine is shared, and a timeout here would lose pages."""


def run_pipeline(folder: Path, step: CleantextExtractor, out: Path) -> dict[str, dict]:
    """Run reader -> step -> writer with 2 tasks; the output documents by id, and the stats."""
    executor = LocalPipelineExecutor(
        pipeline=[WarcReader(str(folder)), step, JsonlWriter(str(out))],
        tasks=2,
        workers=2,
        logging_dir=str(out.parent / f"logs-{out.name}"),
    )
    stats = executor.run()
    documents = {}
    for path in sorted(out.glob("*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as lines:
            for line in lines:
                document = json.loads(line)
                documents[document["id"]] = document
    step_stats = next(item for item in stats.stats if step.name in item.name)
    return documents, {key: value.total for key, value in step_stats.stats.items()}


def test_the_extractor_gives_clean_html_text_and_summary_for_every_page(tmp_path):
    folder = tmp_path / "warc"
    folder.mkdir()
    pages = write_warc(folder / "a.warc.gz", 6) + write_warc(folder / "b.warc.gz", 5, first=6)
    write_archive(folder / "c.warc.gz", [response_record("https://news.example/empty", EMPTY_HTML)])
    documents, stats = run_pipeline(folder, CleantextExtractor(timeout=TIMEOUT), tmp_path / "out")
    assert len(documents) == len(pages)
    for number, page in enumerate(pages):
        document = documents[record_id(page_url(number), "response")]
        expected = cleantext.clean_html(page, url=page_url(number))
        assert document["text"] == expected.text
        assert document["metadata"]["cleantext"] == removal_summary(expected)
        assert document["metadata"]["url"] == page_url(number)
    assert stats["extracted"] == len(pages) + 1
    assert stats["dropped"] == 1
    assert stats["forwarded"] == len(pages)


def test_the_text_cleaner_gives_clean_text_for_every_wet_record(tmp_path):
    folder = tmp_path / "wet"
    folder.mkdir()
    texts = write_wet(folder / "a.warc.wet.gz", 5) + write_wet(folder / "b.warc.wet.gz", 4, first=5)
    write_archive(
        folder / "c.warc.wet.gz", [conversion_record("https://news.example/e", EMPTY_TEXT)]
    )
    step = CleantextTextCleaner(timeout=TIMEOUT, keep_segments=True)
    documents, stats = run_pipeline(folder, step, tmp_path / "out")
    assert len(documents) == len(texts)
    for number, text in enumerate(texts):
        document = documents[record_id(page_url(number), "conversion")]
        expected = cleantext.clean(text)
        assert document["text"] == expected.text
        summary = document["metadata"]["cleantext"]
        assert summary["segments"] == [segment.as_dict() for segment in expected.removed]
        assert summary["removed_chars"] == removal_summary(expected)["removed_chars"]
        assert summary["metadata"]["url"] == page_url(number)
    assert stats["dropped"] == 1


def test_a_document_over_the_timeout_is_counted_and_skipped():
    from datatrove.data import Document

    class Slow(CleantextTextCleaner):
        def clean(self, text, url=None):
            if "slow" in text:
                import time

                time.sleep(5)
            return super().clean(text, url)

    step = Slow(timeout=0.5)
    documents = [
        Document(text="slow " * 10, id="1"),
        Document(text="The council met on Monday, officials said.", id="2"),
    ]
    kept = list(step.run(iter(documents)))
    assert [document.id for document in kept] == ["2"]
    assert step.stats["timeout"].total == 1


def test_output_format_markdown_gives_each_page_its_markdown(tmp_path):
    folder = tmp_path / "warc"
    folder.mkdir()
    pages = write_warc(folder / "a.warc.gz", 3)
    step = CleantextExtractor(timeout=TIMEOUT, output_format="markdown")
    documents, _ = run_pipeline(folder, step, tmp_path / "out")
    for number, page in enumerate(pages):
        document = documents[record_id(page_url(number), "response")]
        expected = cleantext.clean_html(page.encode("utf-8"), url=page_url(number))
        assert document["text"] == expected.to_markdown()
    with pytest.raises(ValueError, match="output_format"):
        CleantextExtractor(output_format="html")
