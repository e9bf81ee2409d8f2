"""The Spark job in local[2] mode on loopback: archives written here, every row checked."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator

import pytest
from benchmarks.archives import record_id

import cleantext
from corpus_support import page_url, write_warc, write_wet

pytest.importorskip("pyspark")
pytest.importorskip("fastwarc")
if shutil.which("java") is None:
    pytest.skip("Spark needs Java (17 or later) on the PATH", allow_module_level=True)

from pyspark.sql import SparkSession

from cleantext.integrations.spark import COLUMNS, clean_archives, main


@pytest.fixture(scope="module")
def spark() -> Iterator[SparkSession]:
    """One local session for the module, bound to loopback, UI off."""
    os.environ["SPARK_LOCAL_IP"] = "127.0.0.1"
    os.environ["PYSPARK_PYTHON"] = sys.executable
    session = (
        SparkSession.builder.master("local[2]")
        .appName("cleantext-test")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    yield session
    session.stop()


def test_every_page_of_every_archive_becomes_one_checked_row(spark, tmp_path):
    pages = write_warc(tmp_path / "a.warc.gz", 4) + write_warc(tmp_path / "b.warc.gz", 3, first=4)
    texts = write_wet(tmp_path / "c.warc.wet.gz", 3, first=20)
    paths = [str(tmp_path / name) for name in ("a.warc.gz", "b.warc.gz", "c.warc.wet.gz")]
    frame = clean_archives(spark, paths)
    assert frame.rdd.getNumPartitions() == 3
    frame.write.parquet(str(tmp_path / "out.parquet"))
    rows = {
        row.warc_record_id: row
        for row in spark.read.parquet(str(tmp_path / "out.parquet")).collect()
    }
    assert tuple(spark.read.parquet(str(tmp_path / "out.parquet")).columns) == COLUMNS
    expected = [
        (
            record_id(page_url(n), "response"),
            "html",
            cleantext.clean_html(page.encode(), url=page_url(n)),
        )
        for n, page in enumerate(pages)
    ] + [
        (record_id(page_url(n), "conversion"), "text", cleantext.clean(text))
        for n, text in enumerate(texts, 20)
    ]
    assert len(rows) == len(expected)
    for key, mode, result in expected:
        row = rows[key]
        assert (row.mode, row.clean_text, row.error) == (mode, result.text, None)
        assert row.removed_chars == sum(len(segment.text) for segment in result.removed)
        by_detector: dict[str, list[str]] = {}
        for segment in result.removed:
            by_detector.setdefault(segment.detector, []).append(segment.text)
        assert {name: list(texts) for name, texts in row.detectors.items()} == by_detector


def test_the_job_reads_a_listing_and_writes_parquet(spark, tmp_path):
    write_wet(tmp_path / "a.warc.wet.gz", 2)
    listing = tmp_path / "listing.txt"
    listing.write_text(f"{tmp_path / 'a.warc.wet.gz'}\n\n")
    assert main([str(listing), str(tmp_path / "out")]) == 0
    rows = spark.read.parquet(str(tmp_path / "out")).collect()
    assert sorted(row.url for row in rows) == [page_url(0), page_url(1)]
