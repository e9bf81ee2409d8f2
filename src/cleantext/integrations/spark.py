"""A PySpark job in the cc-pyspark style: a listing of WARC/WET paths in, a Parquet table out.

``pip install 'cleantext-web[spark]'``, then, with one path (or URL that the
executors can open) per line in ``listing.txt``::

    spark-submit --master 'local[2]' "$(python -c 'import cleantext.integrations.spark as m; print(m.__file__)')" \\
        listing.txt clean.parquet

or ``python -m cleantext.integrations.spark listing.txt clean.parquet --master 'local[2]'``.
Each path is one partition; ``mapPartitions`` reads its records with FastWARC
(as ``cleantext --warc`` does: HTML responses in HTML mode, WET conversions in
text mode, every other record skipped) with one cleaner per partition. The
table's columns are :data:`COLUMNS`; a page that fails has a null
``clean_text`` and its ``error``.

>>> rows = list(clean_partition([]))
>>> rows
[]
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from cleantext.cli.jsonl import describe_error
from cleantext.cli.warc import ArchivePage, clean_archive_page, read_archive
from cleantext.config import Config

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession

COLUMNS = ("url", "warc_record_id", "mode", "clean_text", "removed_chars", "detectors", "error")
"""The output table's columns; ``detectors`` maps a detector's name to the texts it removed."""
Row = tuple[str | None, str | None, str, str | None, int, dict[str, list[str]], str | None]


def schema() -> Any:
    """The output table's Spark schema (imported lazily: pyspark is an optional extra)."""
    from pyspark.sql import types

    text = types.StringType()
    return types.StructType(
        [
            types.StructField("url", text),
            types.StructField("warc_record_id", text),
            types.StructField("mode", text, nullable=False),
            types.StructField("clean_text", text),
            types.StructField("removed_chars", types.LongType(), nullable=False),
            types.StructField("detectors", types.MapType(text, types.ArrayType(text))),
            types.StructField("error", text),
        ]
    )


def clean_partition(paths: Iterable[str], config: Config | None = None) -> Iterator[Row]:
    """One row per page of every archive in ``paths`` (one cleaner for the whole partition)."""
    for path in paths:
        for record in read_archive(path):
            if isinstance(record, ArchivePage):
                yield page_row(record, config)


def page_row(page: ArchivePage, config: Config | None) -> Row:
    """The table row for one page record; a failure fills ``error`` instead of the text."""
    if page.problem is not None:
        return (page.url, page.record_id, page.mode, None, 0, {}, page.problem)
    try:
        result = clean_archive_page(page, config)
    except Exception as error:  # one bad page must not fail the partition
        return (page.url, page.record_id, page.mode, None, 0, {}, describe_error(error))
    detectors: dict[str, list[str]] = {}
    for segment in result.removed:
        detectors.setdefault(segment.detector, []).append(segment.text)
    removed = sum(len(segment.text) for segment in result.removed)
    return (page.url, page.record_id, page.mode, result.text, removed, detectors, None)


def clean_archives(
    spark: SparkSession, paths: Sequence[str], config: Config | None = None
) -> DataFrame:
    """A DataFrame of the cleaned pages of ``paths``, one partition per path."""
    listing = spark.sparkContext.parallelize(list(paths), numSlices=max(1, len(paths)))
    rows = listing.mapPartitions(lambda part: clean_partition(part, config))
    return spark.createDataFrame(rows, schema())


def read_listing(path: str) -> list[str]:
    """The non-blank lines of a listing file, as cc-pyspark's input listings are."""
    with open(path, encoding="utf-8") as listing:
        return [line.strip() for line in listing if line.strip()]


def main(argv: Sequence[str] | None = None) -> int:
    """``spark-submit spark.py LISTING OUTPUT``: clean every archive listed, write Parquet."""
    parser = argparse.ArgumentParser(prog="cleantext.integrations.spark", description=__doc__)
    parser.add_argument("listing", help="a text file with one WARC/WET path per line")
    parser.add_argument("output", help="the Parquet folder to write")
    parser.add_argument("--master", help="the Spark master (default: spark-submit's)")
    parser.add_argument("--mode", default="error", help="Spark save mode (default: error)")
    args = parser.parse_args(argv)
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("cleantext")
    if args.master:
        builder = builder.master(args.master)
    running = SparkSession.getActiveSession()
    spark = builder.getOrCreate()
    try:
        frame = clean_archives(spark, read_listing(args.listing))
        frame.write.mode(args.mode).parquet(args.output)
    finally:
        if running is None:  # a session that was there before is its owner's to stop
            spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
