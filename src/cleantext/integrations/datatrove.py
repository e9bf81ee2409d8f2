"""datatrove steps: :class:`CleantextExtractor` for HTML, :class:`CleantextTextCleaner` for text.

``CleantextExtractor`` is a drop-in for datatrove's ``Trafilatura`` extractor
(``pip install 'cleantext-web[datatrove]'``)::

    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import WarcReader
    from datatrove.pipeline.writers import JsonlWriter
    from cleantext.integrations.datatrove import CleantextExtractor

    LocalPipelineExecutor(
        pipeline=[WarcReader("crawl/"), CleantextExtractor(), JsonlWriter("clean/")],
        tasks=2,
    ).run()

Both steps run cleantext in datatrove's sandboxed worker process with the
step's per-document ``timeout`` (the base class's, untouched), count
``extracted``, ``timeout``, ``broken_process``, ``clean_error`` and
``dropped`` (documents whose clean text is empty) as the base class does, and
keep a compact record of what went in ``doc.metadata["cleantext"]`` (see
:func:`cleantext.integrations.summary.removal_summary`), carried back from the
sandbox with the text.
"""

from __future__ import annotations

from collections.abc import Iterator

from datatrove.data import Document, DocumentsPipeline
from datatrove.pipeline.extractors.base import BaseExtractor, ExtractorSandbox
from datatrove.utils.logging import logger
from datatrove.utils.typeshelper import StatHints

from cleantext.api import clean_as_text
from cleantext.config import Config
from cleantext.html import clean_html
from cleantext.integrations.summary import removal_summary
from cleantext.model import Result

METADATA_KEY = "cleantext"
"""Where the removal summary goes in ``doc.metadata``."""
WARMUP = ("<html><body><p>Warm-up.</p></body></html>", None)
"""What the sandbox cleans once before the first document (imports and caches)."""

Cleaned = tuple[str, dict[str, object]]
OUTPUT_FORMATS = ("text", "markdown")


class CleantextExtractor(BaseExtractor):
    """Clean HTML documents with :func:`cleantext.clean_html` (datatrove's Trafilatura's place).

    Args:
        timeout: per-document timeout in seconds, as datatrove's extractors (default 1).
        config: the cleantext :class:`~cleantext.Config` (default: HTML mode's).
        keep_segments: also store every removed segment (text, offsets, detector, reason).
        metadata_key: the ``doc.metadata`` key of the removal summary.
        output_format: ``"text"`` (the clean text) or ``"markdown"`` (the clean text as
            Markdown, docs/markdown.md) becomes the document's text.
    """

    name = "🧹 cleantext"
    _warned_error: bool

    def __init__(
        self,
        timeout: float = 1,
        config: Config | None = None,
        keep_segments: bool = False,
        metadata_key: str = METADATA_KEY,
        output_format: str = "text",
    ) -> None:
        super().__init__(timeout)
        if output_format not in OUTPUT_FORMATS:
            raise ValueError(f"output_format must be 'text' or 'markdown', not {output_format!r}")
        self.config = config
        self.keep_segments = keep_segments
        self.metadata_key = metadata_key
        self.output_format = output_format

    def clean(self, text: str, url: str | None = None) -> Result:
        """The cleantext result for one document's text."""
        return clean_html(text, url=url, config=self.config)

    def extract(self, text: str) -> str:
        """The clean text (or its Markdown) alone (the base class's contract)."""
        return self._output(self.clean(text))

    def clean_with_summary(self, text: str, url: str | None = None) -> Cleaned:
        """The clean text (or its Markdown) and its removal summary (runs in the sandbox)."""
        result = self.clean(text, url)
        return self._output(result), removal_summary(result, keep_segments=self.keep_segments)

    def _output(self, result: Result) -> str:
        return result.to_markdown() if self.output_format == "markdown" else result.text

    def run(
        self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1
    ) -> Iterator[Document]:
        """The base class's loop, with the removal summary carried back beside the text."""
        with ExtractorSandbox(timeout=self.timeout, warmup_text=WARMUP) as sandbox:
            for doc in data:
                self.stat_update(StatHints.total)
                with self.track_time():
                    cleaned = self._clean_in_sandbox(sandbox, doc)
                if cleaned is None:
                    continue
                doc.text, doc.metadata[self.metadata_key] = cleaned
                if doc.text:
                    self.stat_update(StatHints.forwarded)
                    self.update_doc_stats(doc)
                    yield doc
                else:
                    self.stat_update(StatHints.dropped)

    def _clean_in_sandbox(self, sandbox: ExtractorSandbox, doc: Document) -> Cleaned | None:
        """The document cleaned, or None (counted) when it timed out, crashed or failed."""
        try:
            cleaned: Cleaned = sandbox.process_document(
                (doc.text, doc.metadata.get("url")), self.clean_with_summary
            )
        except TimeoutError:
            self.stat_update("timeout")
            logger.warning("⏰ Timeout while cleaning record text. Skipping record.")
            return None
        except EOFError:
            self.stat_update("broken_process")
            logger.warning("Process died unexpectedly, will create new process for next document")
            return None
        except Exception as error:
            self.stat_update("clean_error")
            self._warn_once(error)
            return None
        self.stat_update("extracted")
        return cleaned

    def _warn_once(self, error: Exception) -> None:
        if not self._warned_error:
            logger.warning(f'❌ Error "{error}" while cleaning record text. Skipping record.')
            self._warned_error = True


class CleantextTextCleaner(CleantextExtractor):
    """Clean text documents (WET records, text already extracted) with :func:`cleantext.clean`.

    Same arguments, sandbox, timeout, counters and summary as :class:`CleantextExtractor`.
    """

    name = "🧹 cleantext (text)"

    def clean(self, text: str, url: str | None = None) -> Result:
        """The cleantext result for one document's text, in text mode."""
        result = clean_as_text(text, config=self.config)
        metadata = result.metadata.with_field("url", url, "datatrove")
        return Result(result.text, result.removed, result.source_text, metadata)
