# cython: language_level=3
"""The walk of HTML mode, compiled: elements in, rendered lines with their frames out.

:func:`walk` visits the parsed tree once, over libxml2's node structs (lxml's
public C API, ``lxml.includes``): names, attribute names and texts are read in
place as UTF-8, and an lxml element (a Python proxy) is made only for an element
whose attributes or content a reading looks at; this ties the build to lxml's
ABI (``pyproject.toml`` pins the range build and run time share). For each
element it makes the frame its content is seen in (:class:`Framer`), lays out
its start and end (breaks, bullets, cells, links, images) and feeds its text
and tail to the :class:`LineBuilder`. The rules are those of
:mod:`cleantext.html.render`, :mod:`cleantext.html.frames` and
:mod:`cleantext.html.lines`; the rare or costly readings (hidden elements,
buttons, new contexts, table structure) stay plain Python there and are called
from here.

>>> from lxml import etree
>>> from cleantext.html.vocabulary import DROPPED_TAGS
>>> page = "<div><p>One</p><p>Two <a href='/x'>link</a></p></div>"
>>> root = etree.fromstring(page, etree.HTMLParser())
>>> builder = walk(root, DROPPED_TAGS)
>>> [(line.text, line.frame[0].xpath(), line.link_chars) for line in builder.lines]
[('One', '/html/body/div/p[1]', 0), ('Two link', '/html/body/div/p[2]', 4)]
>>> class Blocks:
...     def take(self, block): print([element.tag for element in block.elements], block.words)
>>> walk(root, DROPPED_TAGS, reader=Blocks()).lines
['p'] 1
['p'] 2
[]
"""

from cpython.unicode cimport (
    Py_UNICODE_ISSPACE,
    PyUnicode_DATA,
    PyUnicode_KIND,
    PyUnicode_READ,
    PyUnicode_WRITE,
)
from libc.string cimport strcmp, strlen
from lxml.includes cimport tree
from lxml.includes.etreepublic cimport _Document, _Element, elementFactory, import_lxml__etree

from cleantext.html._frames cimport Context, new_context
from os.path import commonprefix

from lxml import etree


cdef extern from "Python.h":
    str PyUnicode_New(Py_ssize_t size, Py_UCS4 maxchar)
    str PyUnicode_DecodeUTF8(const char *data, Py_ssize_t size, const char *errors)

import_lxml__etree()

from cleantext.html.frames import (
    BOX_TAGS,
    CONTEXT_TAGS,
    EMPTY,
    FRAMED_TAGS,
    HEAD_CONTENT,
    HIDING_ATTRIBUTES,
    LAYOUT_TAGS,
    ROOT_CONTEXT,
    HIDDEN_STYLE,
    is_anchor,
    plain_landmark,
    wraps_the_page,
)
from cleantext.html.lines import BULLET, CELL_MARK, CELLS, CLOSE_BREAKS, OPEN_BREAKS
from cleantext.html.shape import SHAPED_TAGS, Shaper
from cleantext.html.parse import MAX_NESTING
from cleantext.html.structured import DESCRIPTIVE_TAGS
from cleantext.html.vocabulary import (
    CELL_TAGS,
    EMPTY as NO_TOKENS,
    EXACT,
    MAX_VALUE_CHARS,
    ROLE_LANDMARKS,
    STEM_PREFIXES,
    STEMS,
    WORD_CACHE_SIZE,
)
from cleantext.meta.marked import (
    BYLINE_CLASSES,
    BYLINE_LINKS,
    DATE_CLASSES,
    MAX_MARKED_ELEMENTS,
    element_marks,
)
from cleantext.structure import CLOSE, IMAGE, LINK, PLAIN

# Typed copies of the module constants: set and dict tests without a global lookup.
cdef frozenset _BOX = BOX_TAGS
cdef frozenset _CONTEXT = CONTEXT_TAGS
cdef frozenset _FRAMED = FRAMED_TAGS
cdef frozenset _LAYOUT = LAYOUT_TAGS
cdef frozenset _SHAPED = SHAPED_TAGS
cdef frozenset _CELLS = CELL_TAGS
cdef frozenset _NO_NAMES = frozenset()
cdef dict _OPEN = OPEN_BREAKS
cdef dict _CLOSE = CLOSE_BREAKS
cdef dict _ROLES = ROLE_LANDMARKS
cdef tuple _HIDDEN_STYLE = HIDDEN_STYLE
cdef str _CELL_MARK = CELL_MARK
cdef str _BULLET = BULLET
cdef Py_ssize_t _TEXT_PIECES = 8192  # pieces of the rendered text joined at a time
cdef tuple _BREAKS = ("", "\n", "\n\n")  # (the break before a line, by its newlines)


cdef class Block:
    """An element the walk entered: its tag, its number among its parent's children of that
    tag, and its parent. A line's frame names its block element this way, and
    :meth:`xpath` writes the element's XPath as lxml's ``getpath`` does, in time linear in
    the tree's size (``getpath`` counts an element's preceding siblings on every call,
    quadratic on a page of thousands of sibling blocks)."""

    cdef readonly Block parent
    cdef readonly str tag
    cdef Py_ssize_t number
    cdef dict children  # this element's children per tag while the walk is inside it
    cdef frozenset repeated  # once it has ended: the tags of its children that repeat
    cdef str path

    def __init__(self, Block parent, str tag):
        self._enter(parent, tag)

    cdef void _enter(self, Block parent, str tag):
        """Set the element's fields and count it among its parent's children."""
        self.parent = parent
        self.tag = tag
        self.number = 1
        self.children = None
        self.repeated = _NO_NAMES
        self.path = None
        if parent is not None:
            if parent.children is None:
                parent.children = {}
            self.number = parent.children.get(tag, 0) + 1
            parent.children[tag] = self.number

    cdef void close(self, dict shared):
        """The walk left the element: keep only which of its children's tags repeat (one
        set for all elements whose repeating tags are the same, found in ``shared``)."""
        cdef str tag
        if self.children is not None:
            repeated = tuple([tag for tag, count in self.children.items() if count > 1])
            if repeated:
                found = shared.get(repeated)
                if found is None:
                    found = shared[repeated] = frozenset(repeated)
                self.repeated = found
            self.children = None

    @staticmethod
    cdef Block entered(Block parent, str tag):
        """``Block(parent, tag)``, made without a call through Python's argument handling
        (the walk makes one per element)."""
        cdef Block block = Block.__new__(Block)
        block._enter(parent, tag)
        return block

    cpdef str xpath(self):
        """The element's XPath (``/html/body/div[2]/p``), once the walk is done; worked out
        once per element."""
        cdef list chain = []
        cdef Block node = self
        cdef str path
        while node is not None and node.path is None:
            chain.append(node)
            node = node.parent
        path = "" if node is None else node.path
        for node in reversed(chain):
            path = node.path = f"{path}/{node._step()}"
        return path

    cdef str _step(self):
        if self.parent is None or self.tag not in self.parent.repeated:
            return self.tag
        return f"{self.tag}[{self.number}]"


cdef class RenderedLine:
    """One output line: its text, the break before it (1 newline or 2), where it came from,
    its characters (without a list item's bullet), link characters and words, its structure
    and its link and image events (counted in non-space characters after the bullet)."""

    cdef readonly str text
    cdef readonly int brk
    cdef readonly object frame
    cdef readonly Py_ssize_t link_chars
    cdef readonly Py_ssize_t chars
    cdef readonly Py_ssize_t words
    cdef readonly object shape
    cdef readonly tuple events

    def __init__(self, str text, int brk, frame, Py_ssize_t link_chars, Py_ssize_t chars,
                 Py_ssize_t words, shape=PLAIN, tuple events=()):
        self.text = text
        self.brk = brk
        self.frame = frame
        self.link_chars = link_chars
        self.chars = chars
        self.words = words
        self.shape = shape
        self.events = events

    def __repr__(self):
        return f"RenderedLine({self.text!r}, brk={self.brk}, words={self.words})"


cdef class RenderedBlock:
    """One rendered block's lines (a line after a blank line starts a block) in columns, as a
    reader of a :class:`LineBuilder` takes them: the parts of each line's frame (its block
    element, depth and context: a table cell's frame, a tuple of its own, goes with the
    cell), characters (without a list item's bullet) and link characters, the link and
    image events of the lines that have them (by line number in the block), and the
    block's sums, and the texts of its lines whose block element is an ``<h1>`` (the
    page's headings). No other line's text: a reader reads those from the rendered text (a
    large table's rows are one block, held until it ends: a line here holds five pointers).

    >>> block, h1 = RenderedBlock(), Block(None, "h1")
    >>> image = ((0, "image", "/i", ""),)
    >>> block.add((h1, 3, "c"), "Title", 10, 4, 2, ())
    >>> block.add((Block(None, "p"), 2, "c"), "Text", 5, 0, 1, image)
    >>> len(block), [element.tag for element in block.elements], block.depths, block.headings
    (2, ['h1', 'p'], [3, 2], ['Title'])
    >>> block.chars, block.link_chars, block.events
    ([10, 5], [4, 0], {1: ((0, 'image', '/i', ''),)})
    >>> block.total_links, block.total_chars, block.words
    (4, 15, 3)
    """

    cdef readonly list elements
    cdef readonly list depths
    cdef readonly list contexts
    cdef readonly list chars
    cdef readonly list link_chars
    cdef readonly dict events
    cdef readonly list headings
    cdef readonly Py_ssize_t total_links, total_chars, words

    def __init__(self):
        self.elements = []
        self.depths = []
        self.contexts = []
        self.chars = []
        self.link_chars = []
        self.events = {}
        self.headings = []
        self.total_links = self.total_chars = self.words = 0

    cdef void clear(self) except *:
        """Empty the block (the builder reuses it for its next block)."""
        del self.elements[:]
        del self.depths[:]
        del self.contexts[:]
        del self.chars[:]
        del self.link_chars[:]
        if self.events:
            self.events.clear()
        if self.headings:
            del self.headings[:]
        self.total_links = self.total_chars = self.words = 0

    cpdef void add(self, frame, str text, Py_ssize_t chars, Py_ssize_t link_chars,
                   Py_ssize_t words, tuple events) except *:
        """Add a line seen in ``frame`` (its events only if it has any, its text only in an
        ``<h1>``)."""
        cdef Block element = (<tuple>frame)[0]
        if events:
            self.events[len(self.elements)] = events
        if element.tag == "h1":
            self.headings.append(text)
        self.elements.append(element)
        self.depths.append((<tuple>frame)[1])
        self.contexts.append((<tuple>frame)[2])
        self.chars.append(chars)
        self.link_chars.append(link_chars)
        self.total_links += link_chars
        self.total_chars += chars
        self.words += words

    def __len__(self):
        return len(self.elements)

    @staticmethod
    def of(lines):
        """The block of these rendered lines (:class:`RenderedLine`)."""
        cdef RenderedBlock block = RenderedBlock()
        cdef RenderedLine line
        for line in lines:
            block.add(
                line.frame, line.text, line.chars, line.link_chars, line.words, line.events
            )
        return block


cdef class LineBuilder:
    """Collects inline text into lines; ``request(n)`` asks for ``n`` newlines before more text
    (an example runs in :mod:`cleantext.html.lines`).

    With a ``reader`` (an object with a ``take(block)`` method), no :class:`RenderedLine` is
    made: each rendered block's lines (a line after a blank line starts a block) are
    collected as a :class:`RenderedBlock`, which goes to ``reader.take`` once the block has
    ended and is emptied for the next block when ``take`` returns (a reader keeps none of
    it); ``lines`` stays empty, and a large page never holds all its rendered
    lines with their frames. Each line's shape goes to the shaper's
    :attr:`~cleantext.html.shape.Shaper.shapes` either way."""

    cdef readonly list lines
    cdef public str prefix
    cdef readonly object shaper
    cdef readonly object reader
    cdef readonly Py_ssize_t words  # of every line emitted
    cdef RenderedBlock _block  # with a reader: the current block's lines
    cdef list _pieces  # the rendered text: each line's break (but the first's) and text
    cdef list _chunks  # the pieces joined so far, TEXT_PIECES at a time
    cdef bint _started  # a line was emitted
    cdef list _parts
    cdef object _frame
    cdef Py_ssize_t _link_chars
    cdef int _pending
    cdef bint _raw
    cdef str _prefix
    cdef list _links
    cdef list _events  # None until the line has a link or an image
    cdef list _images
    cdef Py_ssize_t _nonspace
    cdef list _columns
    cdef bint _new_cell

    def __init__(self, reader=None):
        self.lines = []
        self.prefix = ""
        self.shaper = Shaper()
        self.reader = reader
        self.words = 0
        self._block = RenderedBlock()
        self._pieces = []
        self._chunks = []
        self._started = False
        self._parts = []
        self._frame = None
        self._link_chars = 0
        self._pending = 0
        self._raw = False
        self._prefix = ""
        self._links = []
        self._events = None
        self._images = []
        self._nonspace = 0
        self._columns = []
        self._new_cell = False

    cpdef void add(self, str text, frame):
        """Append inline ``text`` seen inside ``frame``."""
        if not self._parts:
            if not self.shaper.pre and (not text or text.isspace()):
                return
            self._start_line(frame)
        elif self._new_cell and not text.isspace():
            self._columns.append(self.shaper.column)
            self._new_cell = False
        self._parts.append(text)
        if self._links:
            self._link_chars += len(text.strip())
        if self._events is not None:
            self._nonspace += _nonspace(text)

    cpdef void cell(self):
        """Start a table cell: separate it from the previous cell of the row."""
        if self._parts:
            self._parts.append(_CELL_MARK)
            self._new_cell = True

    cpdef void open_link(self, str url):
        """A link to ``url`` starts here."""
        self._links.append(url)
        self._event(LINK, url, "")

    cpdef void close_link(self):
        """The innermost open link ends here."""
        if self._links:
            self._links.pop()
            self._event(CLOSE, "", "")

    cpdef void image(self, str url, str alt):
        """An image stands here (one outside any line goes at the start of the next line)."""
        if self._parts:
            self._event(IMAGE, url, alt)
        else:
            self._images.append((0, IMAGE, url, alt))

    cpdef void request(self, int newlines):
        """End the current line; at least ``newlines`` line breaks come before the next text."""
        if self._parts:
            self.flush()
        if newlines > self._pending:
            self._pending = newlines
        if newlines >= 2:
            self.prefix = ""

    cpdef void flush(self):
        """Turn the collected text into line(s)."""
        cdef str joined, content
        cdef Py_ssize_t words
        if not self._parts:
            return
        joined = "".join(self._parts)
        if self._raw:
            self._flush_pre(joined)
        else:
            content = collapse_spaces(joined)
            if _CELL_MARK in content:
                content = CELLS.sub("\t", content).strip("\t ")
                words = _scan(content, None).words
            else:
                words = content.count(" ") + 1 if content else 0
            if content:  # the prefix (a bullet) ends in a space: its words simply add
                self._emit(
                    self._prefix + content,
                    len(content),
                    words + len(self._prefix.split()),
                    tuple(self._events) if self._events else (),
                )
        self._parts = []
        self._link_chars = 0
        self._events = None

    def text(self):
        """The rendered text: lines joined by their breaks."""
        return "".join([*self._chunks, "".join(self._pieces)])

    def take_text(self):
        """:meth:`text`, after which the builder lets its pieces go (the text is then empty)."""
        cdef str text = self.text()
        self._chunks = []
        self._pieces = []
        return text

    cpdef void finish(self):
        """The walk is done: the last line is made and the last block goes to the reader."""
        self.flush()
        if self.reader is not None:
            self._hand_over()

    cdef void _start_line(self, frame):
        """The first text of a line: note its frame, prefix, cell and the links open around it."""
        cdef int column
        self._frame = frame
        self._raw = self.shaper.pre > 0
        self._prefix = self.prefix
        self.prefix = ""
        column = self.shaper.column
        self._columns = [column] if column >= 0 else []
        self._new_cell = False
        if self._links or self._images:
            self._events = [(0, LINK, url, "") for url in self._links] + self._images
            self._images = []
            self._nonspace = 0

    cdef void _event(self, str kind, str url, str alt):
        cdef str part
        if not self._parts:
            return
        if self._events is None:
            self._events = []
            self._nonspace = 0
            for part in self._parts:
                self._nonspace += _nonspace(part)
            self._nonspace -= self._parts.count(_CELL_MARK)
        self._events.append((self._nonspace, kind, url, alt))

    cdef void _flush_pre(self, str joined):
        cdef bint blank = False
        cdef str raw, text
        for raw in joined.replace("\r\n", "\n").split("\n"):
            text = self._prefix + raw.rstrip().replace(_CELL_MARK, "\t")
            self._prefix = ""
            if not text.strip():
                blank = self._has_lines()
                continue
            if blank:
                self._pending = max(self._pending, 2)
            self._emit(text, len(text.strip()), len(text.split()), ())
            self._pending = 1
            blank = False

    cdef void _hand_over(self) except *:
        """Give the current block, if it holds a line, to the reader, then empty it."""
        if self._block.elements:
            self.reader.take(self._block)
            self._block.clear()

    cdef bint _has_lines(self):
        """A line was emitted (with a reader: in the current block)."""
        return bool(self._block.elements if self.reader is not None else self.lines)

    cdef void _emit(self, str text, Py_ssize_t chars, Py_ssize_t words, tuple events):
        cdef int brk = max(self._pending, 1)
        cdef Py_ssize_t link_chars = min(self._link_chars, chars)
        cdef tuple columns = tuple(self._columns) if self._columns else ()
        if self.reader is not None:
            self.shaper.note(columns)
            if brk >= 2:  # (a block has ended)
                self._hand_over()
            self._block.add(self._frame, text, chars, link_chars, words, events)
        else:
            shape = self.shaper.shape(columns)
            self.lines.append(
                RenderedLine(text, brk, self._frame, link_chars, chars, words, shape, events)
            )
        if self._started:
            self._pieces.append(_BREAKS[brk] if brk <= 2 else "\n" * brk)
        self._started = True
        self._pieces.append(text)
        if len(self._pieces) >= _TEXT_PIECES:  # (the lines' own strings can go)
            self._chunks.append("".join(self._pieces))
            self._pieces = []
        self.words += words
        self._pending = 0


cdef struct Spaced:
    Py_ssize_t words  # runs of characters that are not white space
    Py_ssize_t chars  # the characters of those runs
    Py_UCS4 widest  # the largest of those characters (0 without any)
    bint spaced  # all white space is single spaces between words (nothing to collapse)


cdef Spaced _scan(str text, str into):
    """The words of ``text`` (white space as ``str.split`` reads it); with ``into`` (a
    string of the collapsed length), the words are written into it one space apart."""
    cdef int kind = PyUnicode_KIND(text)
    cdef void *data = PyUnicode_DATA(text)
    cdef int into_kind = 0
    cdef void *into_data = NULL
    cdef Spaced found = Spaced(0, 0, 0, True)
    cdef Py_ssize_t index, written = 0
    cdef Py_UCS4 char
    cdef bint in_word = False
    if into is not None:
        into_kind = PyUnicode_KIND(into)
        into_data = PyUnicode_DATA(into)
    for index in range(len(text)):
        char = PyUnicode_READ(kind, data, index)
        if Py_UNICODE_ISSPACE(char):
            if char != 32 or not in_word:
                found.spaced = False
            in_word = False
            continue
        if not in_word:
            in_word = True
            found.words += 1
            if into_data != NULL and written:
                PyUnicode_WRITE(into_kind, into_data, written, 32)  # (a space)
                written += 1
        found.chars += 1
        if char > found.widest:
            found.widest = char
        if into_data != NULL:
            PyUnicode_WRITE(into_kind, into_data, written, char)
            written += 1
    return found


cpdef str collapse_spaces(str text):
    """``" ".join(text.split())``, without a string per word (the text of a page flattened
    below its nesting limit is megabytes long: a list of its words held 8 times its size).

    >>> collapse_spaces("  one\\u00a0 two\\n\\tthree "), collapse_spaces(" \\u3000 ")
    ('one two three', '')
    """
    cdef Spaced found = _scan(text, None)
    cdef Py_ssize_t size = found.chars + max(found.words - 1, 0)
    cdef Py_UCS4 widest = found.widest
    if found.words > 1 and widest < 32:
        widest = 32  # (the spaces between words)
    if found.spaced and size == len(text):
        return text  # (nothing to collapse)
    cdef str collapsed = PyUnicode_New(size, widest)
    _scan(text, collapsed)
    return collapsed


cdef inline Py_ssize_t _nonspace(str text):
    """The characters of ``text`` that are not white space."""
    return _scan(text, None).chars


cpdef frozenset value_tokens(str value):
    """:func:`cleantext.html.vocabulary.class_tokens`, compiled: the tokens of each run of
    ASCII letters and digits in the first :data:`MAX_VALUE_CHARS` characters of ``value``.

    >>> sorted(value_tokens("site-navBar main-content")), value_tokens("address headline")
    (['content', 'nav'], frozenset())
    """
    cdef Py_ssize_t index, start = -1, end = min(len(value), MAX_VALUE_CHARS)
    cdef set found = None
    cdef tuple tokens
    for index in range(end + 1):
        if index < end and _is_word_char(value[index]):
            if start < 0:
                start = index
            continue
        if start >= 0:
            tokens = _word_tokens(value[start:index])
            if tokens:
                if found is None:
                    found = set()
                found.update(tokens)
            start = -1
    return frozenset(found) if found else NO_TOKENS


cdef dict _WORDS = {}  # the class/id words read so far, with their tokens
cdef Py_ssize_t _MAX_WORDS = WORD_CACHE_SIZE
cdef dict _EXACT = EXACT
cdef tuple _STEMS = STEMS
cdef tuple _STEM_PREFIXES = STEM_PREFIXES


cdef tuple _word_tokens(str word):
    """:func:`~cleantext.html.vocabulary.word_tokens` of ``word``, remembered in a plain dict
    across pages (emptied once it holds :data:`WORD_CACHE_SIZE` words): a lookup here costs a
    fraction of a call into ``functools.lru_cache``, the walk's largest single cost before."""
    found = _WORDS.get(word)
    if found is None:
        if len(_WORDS) >= _MAX_WORDS:
            _WORDS.clear()
        found = _WORDS[word] = read_word_tokens(word)
    return <tuple>found


cpdef tuple read_word_tokens(str word):
    """:func:`~cleantext.html.vocabulary.word_tokens` of a word of ASCII letters and digits,
    compiled (without its cache): the word's own token, else the tokens of its camelCase
    parts, each part ending before an upper-case letter that follows a lower-case one.

    >>> read_word_tokens("Navigation"), read_word_tokens("siteNavAds"), read_word_tokens("XYZ")
    (('nav',), ('ad', 'nav'), ())
    """
    cdef Py_ssize_t index, start = 0, size = len(word)
    cdef set found = None
    token = _canonical(word.lower())
    if token is not None:
        return (token,)
    for index in range(1, size + 1):
        if index < size and not (_is_lower(word[index - 1]) and _is_upper(word[index])):
            continue
        if start == 0 and index == size:
            return ()  # (no camelCase part: the whole word was read above)
        token = _canonical(word[start:index].lower())
        if token is not None:
            if found is None:
                found = set()
            found.add(token)
        start = index
    return tuple(sorted(found)) if found else ()


cdef object _canonical(str word):
    """A lower-case word's canonical token: the one it is, else that of the first stem it
    starts with (``None`` when neither)."""
    exact = _EXACT.get(word)
    if exact is not None or not word.startswith(_STEM_PREFIXES):
        return exact
    for stem, token in _STEMS:
        if word.startswith(stem):
            return token
    return None  # (not reached: the word starts with a stem)


cdef inline bint _is_lower(Py_UCS4 char):
    return u"a" <= char <= u"z"


cdef inline bint _is_upper(Py_UCS4 char):
    return u"A" <= char <= u"Z"


cdef inline bint _is_word_char(Py_UCS4 char):
    """An ASCII letter or digit (``[A-Za-z0-9]``, a word of a class or id value)."""
    return (u"a" <= char <= u"z") or (u"A" <= char <= u"Z") or (u"0" <= char <= u"9")


cdef inline str _get(_Element element, const char* name):
    """``element.get(name)`` for a name without a namespace (:func:`_attribute`)."""
    return _attribute(element._doc, element._c_node, name)


cdef str _attribute(_Document doc, tree.xmlNode* node, const char* name):
    """The value of the node's attribute ``name`` (without a namespace) as lxml's ``get``
    reads it, without a call through lxml's Python API: libxml2's ``xmlGetNsProp`` without
    a namespace takes the first attribute of that name that has none, and its one text
    node's content; ``None`` when there is no such attribute (an HTML tree has no DTD
    defaults). An attribute whose value is several nodes (entity references in an XML
    tree) or none is read through lxml."""
    cdef tree.xmlAttr* attribute = node.properties
    cdef tree.xmlNode* value
    while attribute is not NULL:
        if attribute.ns is NULL and strcmp(<const char*>attribute.name, name) == 0:
            value = attribute.children
            if value is not NULL and value.next is NULL and value.content is not NULL and (
                value.type == tree.XML_TEXT_NODE or value.type == tree.XML_CDATA_SECTION_NODE
            ):
                return _decoded(value.content)
            return elementFactory(doc, node).get(name.decode("utf-8"))
        attribute = attribute.next
    return None


def read_attribute(_Element element not None, str name):
    """:func:`_attribute` of ``element`` (for the tests: lxml's ``get`` is its reference).

    >>> from lxml import etree
    >>> element = etree.fromstring('<p class="a b" id="">x</p>')
    >>> [read_attribute(element, name) for name in ("class", "id", "x")]
    ['a b', '', None]
    """
    return _attribute(element._doc, element._c_node, name.encode("utf-8"))


cdef bint _is_hidden(_Element element) except -1:
    """Whether the element's own attributes hide it (``hidden``, ``aria-hidden``, a style).

    >>> from lxml import etree
    >>> from cleantext.html.vocabulary import DROPPED_TAGS
    >>> page = '<p>One</p><p style="Display: None">x</p><p aria-hidden=" TRUE ">y</p><p hidden>z'
    >>> [line.text for line in walk(etree.HTML(page), DROPPED_TAGS).lines]
    ['One']
    """
    if _get(element, b"hidden") is not None:
        return True
    if (_get(element, b"aria-hidden") or "").strip().lower() == "true":
        return True
    cdef str style = _get(element, b"style")
    if style:
        compact = "".join(style.lower().split())
        for rule in _HIDDEN_STYLE:
            if rule in compact:
                return True
    return False


cdef class Framer:
    """Makes the frames of one page's elements; remembers contexts and class/id tokens."""

    cdef frozenset _dropped
    cdef frozenset _hiding
    cdef dict _tokens
    cdef dict _contexts

    def __init__(self, frozenset dropped, bint reveal):
        self._dropped = dropped
        self._hiding = _NO_NAMES if reveal else HIDING_ATTRIBUTES
        self._tokens = {}
        self._contexts = {}

    cdef object open(self, element, Block block, str tag, list names, parent, int depth):
        """The frame for ``element``'s content; ``None`` when it is not rendered."""
        if tag in self._dropped and not (tag == "button" and wraps_the_page(element)):
            return None
        if tag == "head" and not HEAD_CONTENT(element):
            return None  # (only metadata: skipped whole instead of element by element)
        if names and not self._hiding.isdisjoint(names) and _is_hidden(element):
            return None
        if parent is None:
            return (block, depth, ROOT_CONTEXT)
        if names:
            if tag == "a" and (<Context>(<tuple>parent)[2]).heading and is_anchor(element):
                return parent  # (a heading's own anchor: its class words name the anchor)
            return self._open_marked(element, block, names, tag, <tuple>parent, depth)
        if tag not in _BOX:
            return parent
        cdef Context context = (<tuple>parent)[2]
        if tag in _CONTEXT:
            landmark = plain_landmark(tag, context)
            context = self._context(context, tag, landmark, EMPTY, context.in_body, depth)
        return (block, depth, context)

    cdef tuple _open_marked(
        self, element, Block block, list names, str tag, tuple parent, int depth
    ):
        """:meth:`open` for an element with attributes: its role, class, id and itemprop count."""
        cdef bint in_body, boxed
        cdef Context context = parent[2]
        landmark = None
        if "role" in names:
            landmark = _ROLES.get((_get(element, b"role") or "").strip().lower())
        if landmark is None and tag in _FRAMED:
            landmark = plain_landmark(tag, context)
        own = self._class_tokens(element, names) if "class" in names or "id" in names else EMPTY
        in_body = context.in_body or (
            "itemprop" in names and (_get(element, b"itemprop") or "").lower() == "articlebody"
        )
        boxed = tag in _BOX
        if own or landmark or in_body != context.in_body or tag in _CONTEXT:
            context = self._context(context, tag, landmark, own, in_body, depth)
        elif not boxed:
            return parent
        return (block if boxed else parent[0], depth, context)

    cdef object _class_tokens(self, element, list names):
        """The tokens of the class and id values (each distinct value worked out once).
        :func:`value_tokens` reads a lone class just as it reads ``"class "``, so the two are
        joined only when there is an id."""
        if "id" in names:
            value = f"{_get(element, b'class') or ''} {_get(element, b'id') or ''}"
        else:
            value = _get(element, b"class") or ""
        own = self._tokens.get(value)
        if own is None:
            own = self._tokens[value] = value_tokens(value)
        return own

    cdef Context _context(
        self, Context parent, str tag, str landmark, frozenset own, bint in_body, int depth
    ):
        """The context below ``parent`` (remembered: sibling elements often share one)."""
        key = (parent, tag, landmark, own, in_body, depth)
        found = self._contexts.get(key)
        if found is None:
            found = self._contexts[key] = new_context(parent, tag, landmark, own, in_body, depth)
        return <Context>found


cdef class Walk:
    """The walk's state between events: what the elements opened so far pass on to their
    content. :meth:`start` and :meth:`end` take an element's events in document order; the
    start of an element must come once its ``text`` is whole (its first child or its end
    has been parsed), its end once its ``tail`` is whole, as a walk of a parsed tree gives
    them and :func:`stream_walk` holds them back until they are."""

    cdef readonly LineBuilder builder
    cdef Framer framer
    cdef list stack  # of each open element: (its parent's frame, its tag to close, its parent)
    cdef dict repeats  # the sets of repeating child tags, each made once
    cdef Block parent  # the innermost open element
    cdef object frame  # the frame of the innermost open element

    def __init__(self, frozenset dropped, bint reveal, reader):
        self.builder = LineBuilder(reader)
        self.framer = Framer(dropped, reveal)
        self.stack = []
        self.repeats = {}
        self.parent = None
        self.frame = None

    cdef bint start(self, element, tag, list names):
        """Enter ``element``; False when its content is not rendered (the caller skips it,
        then gives its end). When it is, the caller gives its text (:meth:`add_text`).
        ``element`` may be ``None`` when it has no attributes and its tag is not in
        :data:`_READ_TAGS` (nothing reads it then)."""
        cdef Block block
        if not isinstance(tag, str):  # (a comment or processing instruction)
            self.stack.append((self.frame, None, self.parent))
            return False
        block = Block.entered(self.parent, tag)
        own = self.framer.open(element, block, tag, names, self.frame, len(self.stack))
        if own is None:
            self.stack.append((self.frame, None, self.parent))
            return False
        closing = _start(self.builder, element, tag, names, own) if tag in _LAYOUT else None
        self.stack.append((self.frame, closing, self.parent))
        self.frame = own
        self.parent = block
        return True

    cdef void add_text(self, text):
        """Add an element's text (after its :meth:`start`) or its tail (after its
        :meth:`end`), in the frame of the element open around it, if any."""
        if text and self.frame is not None:
            self.builder.add(text, self.frame)

    cdef void end(self):
        """Leave the innermost open element: lay out its end (the caller then gives its
        tail, :meth:`add_text`)."""
        cdef Block outer
        frame, closing, outer = self.stack.pop()
        self.frame = frame
        if self.parent is not outer:  # (the element was entered: its children are counted)
            self.parent.close(self.repeats)
            self.parent = outer
        if closing is not None:
            _end(self.builder, closing)


# Elements whose frame or layout reads the element itself (its attributes, its content)
# even when it has no attributes: the C walk makes their lxml element.
cdef frozenset _READ_TAGS = frozenset({*SHAPED_TAGS, "a", "img", "head", "button"})


def walk(_Element root not None, frozenset dropped, bint reveal=False, reader=None):
    """Walk ``root`` and return the builder holding its rendered lines and their frames, or
    that gave them to ``reader`` (:func:`cleantext.html.render.render` documents it).

    The nodes are visited in document order as lxml's ``iterwalk`` gives them with start
    and end events (:func:`_is_item`), an element's text and tail read as lxml's ``.text``
    and ``.tail`` read them (:func:`_node_text`); an entity reference only adds its tail.
    Text after a comment or processing instruction is the comment's tail: not read, as
    ``iterwalk`` never gives the comment.

    >>> from lxml import etree
    >>> from cleantext.html.vocabulary import DROPPED_TAGS
    >>> root = etree.fromstring("<div><p>One<!-- c -->two</p>three</div>", etree.HTMLParser())
    >>> [line.text for line in walk(root, DROPPED_TAGS).lines]
    ['One', 'three']
    """
    cdef Walk state = Walk(dropped, reveal, reader)
    _walk_nodes(state, root._doc, root._c_node)
    state.builder.finish()
    return state.builder


def walk_proxies(root, frozenset dropped, bint reveal=False, reader=None):
    """:func:`walk` through lxml's Python API (``iterwalk``, a proxy per element, its
    ``keys()``, ``.text`` and ``.tail``): the walk before it read libxml2's nodes, kept as
    the reference its tests compare it with (``tests/test_html_node_walk.py``)."""
    cdef Walk state = Walk(dropped, reveal, reader)
    walker = etree.iterwalk(root, events=("start", "end"))
    for event, element in walker:
        if event == "start":
            if state.start(element, element.tag, element.keys()):
                state.add_text(element.text)
            else:
                walker.skip_subtree()
        else:
            state.end()
            state.add_text(element.tail)
    state.builder.finish()
    return state.builder


cdef void _walk_nodes(Walk state, _Document doc, tree.xmlNode* top) except *:
    """Give ``top`` and the items below it to ``state``, without ``top``'s tail."""
    cdef tree.xmlNode* node = top
    cdef tree.xmlNode* following
    while True:
        if node.type == tree.XML_ELEMENT_NODE:
            if _start_node(state, doc, node):
                state.add_text(_node_text(node.children))
                following = _next_item(node.children)
                if following is not NULL:
                    node = following
                    continue
            state.end()
        # The node has ended: its tail, then its next sibling or its parent's end.
        following = NULL
        while node is not top:
            state.add_text(_node_text(node.next))
            following = _next_item(node.next)
            if following is not NULL:
                break
            node = node.parent
            state.end()
        if following is NULL:
            return
        node = following


cdef bint _start_node(Walk state, _Document doc, tree.xmlNode* node) except -1:
    """``state.start`` of an element node, with an lxml element only where it is read."""
    cdef str tag = _qualified(node.name, node.ns)
    cdef list names = _attribute_names(node)
    element = elementFactory(doc, node) if names or tag in _READ_TAGS else None
    return state.start(element, tag, names)


cdef list _attribute_names(tree.xmlNode* node):
    """The element's attribute names, as lxml's ``keys()`` lists them."""
    cdef list names = []
    cdef tree.xmlAttr* attribute = node.properties
    while attribute is not NULL:
        names.append(_qualified(attribute.name, attribute.ns))
        attribute = attribute.next
    return names


cdef str _qualified(const unsigned char* name, tree.xmlNs* ns):
    """A name as lxml gives it: ``{uri}name`` in a namespace, else the name."""
    cdef str local = _decoded(name)
    if ns is NULL or ns.href is NULL:
        return local
    return f"{{{_decoded(ns.href)}}}{local}"


cdef inline str _decoded(const unsigned char* text):
    """libxml2's UTF-8 string as a ``str``."""
    return PyUnicode_DecodeUTF8(<const char*>text, strlen(<const char*>text), NULL)


cdef inline bint _is_item(tree.xmlNode* node):
    """A node lxml's ``iterwalk`` gives start and end events for: an element or an entity
    reference (it passes over comments and processing instructions, and so over their
    tails, unless asked for their own events)."""
    return node.type == tree.XML_ELEMENT_NODE or node.type == tree.XML_ENTITY_REF_NODE


cdef tree.xmlNode* _next_item(tree.xmlNode* node):
    """``node`` or the first item among its following siblings (``NULL`` if none)."""
    while node is not NULL and not _is_item(node):
        node = node.next
    return node


cdef tree.xmlNode* _text_node(tree.xmlNode* node):
    """``node`` if it holds text, past XInclude markers; ``NULL`` at anything else."""
    while node is not NULL:
        if node.type == tree.XML_TEXT_NODE or node.type == tree.XML_CDATA_SECTION_NODE:
            return node
        if node.type != tree.XML_XINCLUDE_START and node.type != tree.XML_XINCLUDE_END:
            return NULL
        node = node.next
    return NULL


cdef object _node_text(tree.xmlNode* node):
    """The text of the run of text nodes from ``node`` on, as lxml reads it (``.text`` of
    their parent when ``node`` is its first child, ``.tail`` of the item before them):
    ``None`` without any, ``""`` when they are all empty."""
    cdef tree.xmlNode* first = _text_node(node)
    cdef const unsigned char* found = NULL
    cdef Py_ssize_t count = 0
    cdef bytes joined
    node = first
    while node is not NULL:
        if node.content[0] != 0:
            found = node.content
        count += 1
        node = _text_node(node.next)
    if found is NULL:
        return "" if count else None
    if count == 1:
        return _decoded(found)
    joined = b""  # (several text nodes, rare: joined as bytes, then decoded, as lxml does)
    node = first
    while node is not NULL:
        joined += <bytes>(<const char*>node.content)
        node = _text_node(node.next)
    return joined.decode("utf-8")


# Elements whose start reads their content (a head's, a button's text, a code block's
# <code> children): stream_walk walks them once they have ended.
cdef frozenset _HELD = frozenset({"head", "pre", "button"})
cdef frozenset _DESCRIBING = frozenset({*DESCRIPTIVE_TAGS, "base"})
cdef Py_ssize_t _MAX_MARKED = MAX_MARKED_ELEMENTS
cdef str _AUTHOR_LINK = commonprefix(BYLINE_LINKS)  # ("/author": in every author link mark)
cdef tuple _DATE_CLASSES = DATE_CLASSES
cdef tuple _BYLINE_CLASSES = BYLINE_CLASSES
cdef Py_ssize_t _QUEUE_COMPACTION = 4096  # walked events dropped from the queue at a time
cdef int _KEEP_SUBTREE = 1  # the element and everything in it stay
cdef int _KEEP_NODE = 2  # the element stays (its attributes are read)
cdef int _HOLDS_KEPT = 4  # an element inside it stays


cdef bint _may_be_marked(
    _Document doc, tree.xmlNode* node, list names, dict class_marks
) except -1:
    """False when :func:`~cleantext.meta.marked.element_marks` surely finds no mark (the
    cheap part of its test, without a call: most elements are no mark); ``class_marks`` is
    the memo of class values that ``element_marks`` fills."""
    cdef str href
    if "itemprop" in names or "rel" in names:
        return True
    if "href" in names:
        href = _attribute(doc, node, b"href")
        if href is not None and _AUTHOR_LINK in href:
            return True
    if "class" not in names:
        return False
    cdef str classes = _attribute(doc, node, b"class") or ""
    known = class_marks.get(classes)
    if known is None:
        known = _ascii_class_marks(classes)
        if known is None:  # (not ASCII: element_marks works it out)
            return True
        class_marks[classes] = known
    return known[0] or known[1]


cdef tuple _ascii_class_marks(str classes):
    """``cleantext.meta.marked._class_marks(classes)`` (whether a class value marks a date
    stamp, and whether it marks a byline) for an ASCII value, without its regex: there its
    case-blind search for any mark and its case-folded tests are the tests of the value in
    lower case; ``None`` for any other value."""
    if not classes.isascii():
        return None
    cdef str folded = classes.lower()
    return (_holds_any(folded, _DATE_CLASSES), _holds_any(folded, _BYLINE_CLASSES))


cdef bint _holds_any(str text, tuple marks) except -1:
    """Whether one of ``marks`` is in ``text``."""
    for mark in marks:
        if mark in text:
            return True
    return False


def read_class_marks(str classes not None):
    """:func:`_ascii_class_marks` (for the tests: ``_class_marks`` is its reference).

    >>> read_class_marks("post-Date"), read_class_marks("entry-author"), read_class_marks("é")
    ((True, False), (False, True), None)
    """
    return _ascii_class_marks(classes)


def marked_elements(_Element root not None, Py_ssize_t limit):
    """The first ``limit`` elements of ``root`` (itself included) of each kind that
    :func:`~cleantext.meta.marked.element_marks` finds: microdata, date stamps, bylines, in
    document order (:meth:`MarkedElements.of <cleantext.meta.marked.MarkedElements.of>`'s
    walk, compiled; most elements are ruled out by :func:`_may_be_marked` without a call).

    >>> from lxml import etree
    >>> page = "<p class='byline'>By Ann</p><span itemprop='author'>Ann</span><a href='/x'>x</a>"
    >>> [[element.tag for element in kind] for kind in marked_elements(etree.HTML(page), 20)]
    [['span'], [], ['p']]

    The elements are read as libxml2's nodes, in the order of lxml's
    ``root.iter(etree.Element)``; an lxml element is made only for one that may be marked.
    """
    cdef list props = [], stamps = [], bylines = []
    cdef dict class_marks = {}
    cdef list names
    cdef tree.xmlNode* top = root._c_node
    cdef tree.xmlNode* node = top
    while node is not NULL:
        if node.type != tree.XML_ELEMENT_NODE or node.properties is NULL:
            node = _next_element(node, top)
            continue
        names = _attribute_names(node)
        if not _may_be_marked(root._doc, node, names, class_marks):
            node = _next_element(node, top)
            continue
        element = elementFactory(root._doc, node)
        node = _next_element(node, top)
        prop, stamp, byline = element_marks(element, names, class_marks)
        if prop and len(props) < limit:
            props.append(element)
        if stamp and len(stamps) < limit:
            stamps.append(element)
        if byline and len(bylines) < limit:
            bylines.append(element)
    return props, stamps, bylines


cdef tree.xmlNode* _next_element(tree.xmlNode* node, tree.xmlNode* top):
    """The element after ``node`` in document order below ``top`` (``NULL`` past its last),
    as lxml's ``iter`` goes: into an element's children, over everything else."""
    cdef tree.xmlNode* found
    if node.type == tree.XML_ELEMENT_NODE:
        found = _first_element(node.children)
        if found is not NULL:
            return found
    while node is not top:
        found = _first_element(node.next)
        if found is not NULL:
            return found
        node = node.parent
    return NULL


cdef inline tree.xmlNode* _first_element(tree.xmlNode* node):
    """``node`` or the first element among its following siblings (``NULL`` if none)."""
    while node is not NULL and node.type != tree.XML_ELEMENT_NODE:
        node = node.next
    return node


cdef class Residue:
    """What of a page's tree outlives the streamed walk (:func:`stream_walk`): the elements
    the readings after the walk look for, whole (the ``<script>``, ``<meta>``, ``<title>``,
    ``<link>`` and ``<base>`` elements, the first :data:`MAX_MARKED_ELEMENTS` elements of
    each kind :class:`~cleantext.meta.marked.MarkedElements` reads, the first as many
    ``<time>`` elements), the elements with an ``itemtype`` (their attributes), and the
    ancestors of all those. Every other element is removed from the tree once the walk has
    left it, so the tree left at the end answers those readings as the whole tree would:
    they find the same elements, in the same order, with the same content."""

    cdef list _flags  # of each open element: its _KEEP_* and _HOLDS_KEPT bits
    cdef Py_ssize_t _keeping  # open elements kept whole (nothing inside them is removed)
    cdef Py_ssize_t _times, _props, _stamps, _bylines  # elements of each kind met so far
    cdef dict _class_marks

    def __init__(self):
        self._flags = []
        self._keeping = 0
        self._times = self._props = self._stamps = self._bylines = 0
        self._class_marks = {}

    cdef void start(self, element, tag, list names):
        """An element starts (every element, in document order)."""
        cdef int flags = 0
        if tag in _DESCRIBING:
            flags = _KEEP_SUBTREE
        elif tag == "time":
            self._times += 1
            if self._times <= _MAX_MARKED:
                flags = _KEEP_SUBTREE
        if names:
            if "itemtype" in names:
                flags |= _KEEP_NODE
            if self._marked(element, names):
                flags |= _KEEP_SUBTREE
        if flags & _KEEP_SUBTREE:
            self._keeping += 1
        self._flags.append(flags)

    cdef bint _marked(self, element, list names):
        """Whether the element is among the first of a kind the metadata reads."""
        cdef bint first = False
        if not _may_be_marked(
            (<_Element>element)._doc, (<_Element>element)._c_node, names, self._class_marks
        ):
            return False
        prop, stamp, byline = element_marks(element, names, self._class_marks)
        if prop:
            self._props += 1
            first = self._props <= _MAX_MARKED
        if stamp:
            self._stamps += 1
            first = first or self._stamps <= _MAX_MARKED
        if byline:
            self._bylines += 1
            first = first or self._bylines <= _MAX_MARKED
        return first

    cdef Py_ssize_t depth(self):
        """The elements open."""
        return len(self._flags)

    cdef void end(self, element):
        """The walk has left the element (its tail read too): remove it unless it stays."""
        cdef int flags = self._flags.pop()
        if flags & _KEEP_SUBTREE:
            self._keeping -= 1
        if flags:
            if self._flags:
                self._flags[len(self._flags) - 1] |= _HOLDS_KEPT
        elif self._keeping == 0:
            parent = element.getparent()
            if parent is not None:
                parent.remove(element)


def stream_walk(
    parser, bytes data, Py_ssize_t chunk, frozenset dropped, reader=None,
    Py_ssize_t max_depth=MAX_NESTING,
):
    """Feed ``data`` to ``parser`` (lxml's ``HTMLPullParser`` with start and end events),
    ``chunk`` bytes at a time, and walk the elements as they are parsed; return the builder
    (as :func:`walk` does) and what is left of the tree (:class:`Residue`). The tree is
    ``None`` when the parser made none, or when elements nest deeper than ``max_depth``:
    then the walk stops (libxml2's push parser drops what lies below its nesting limit
    without a word; the whole-tree parse tells, and flattens the page).

    Each event is walked once the next one has been parsed (an element's ``text`` is whole
    once its first child or its end is parsed, its ``tail`` once what follows it is), the
    start of a :data:`_HELD` element once its end has been parsed.

    >>> from lxml import etree
    >>> from cleantext.html.vocabulary import DROPPED_TAGS
    >>> parser = etree.HTMLPullParser(events=("start", "end"))
    >>> page = b"<title>T</title><div><p>One</p><p>Two <a href='/x'>link</a></p></div>"
    >>> builder, root = stream_walk(parser, page, 16, DROPPED_TAGS)
    >>> [(line.text, line.frame[0].xpath()) for line in builder.lines]
    [('One', '/html/body/div/p[1]'), ('Two link', '/html/body/div/p[2]')]
    >>> etree.tostring(root)
    b'<html><head><title>T</title></head></html>'
    >>> stream_walk(etree.HTMLPullParser(events=("start", "end")), page, 16, DROPPED_TAGS,
    ...             max_depth=3)[1] is None
    True
    """
    cdef _Events events = _Events(Walk(dropped, False, reader), max_depth)
    cdef Py_ssize_t offset
    for offset in range(0, len(data), chunk):
        parser.feed(data[offset : offset + chunk])
        events.receive(parser.read_events())
        events.walk(False)
        if events.too_deep:
            return events.state.builder, None
    root = parser.close()
    events.receive(parser.read_events())
    events.walk(True)
    events.state.builder.finish()
    return events.state.builder, None if events.too_deep else root


cdef class _Events:
    """The parsed events not walked yet, and the walk's place among them."""

    cdef Walk state
    cdef Residue residue
    cdef list queue  # the events parsed and not walked yet, from ``done`` on
    cdef Py_ssize_t done
    cdef Py_ssize_t skipped  # the open elements inside one whose content is not rendered
    cdef object held  # a held element (its start the next to walk) whose end is not parsed yet
    cdef bint ended  # the root element has ended (what follows is outside the tree)
    cdef Py_ssize_t max_depth
    cdef readonly bint too_deep  # an element lies deeper than max_depth (the walk stopped)

    def __init__(self, Walk state, Py_ssize_t max_depth):
        self.state = state
        self.residue = Residue()
        self.queue = []
        self.done = 0
        self.skipped = 0
        self.held = None
        self.ended = False
        self.max_depth = max_depth
        self.too_deep = False

    cdef void receive(self, events):
        """Note the events just parsed."""
        for event in events:
            if self.held is not None and event[1] is self.held and event[0] == "end":
                self.held = None
            self.queue.append(event)

    cdef void walk(self, bint last):
        """Walk the events whose texts and tails are whole (``last``: all are)."""
        cdef Py_ssize_t until = len(self.queue) if last else len(self.queue) - 1
        if self.held is not None and not last:
            return  # (its end is still to come)
        while self.done < until:
            event, element = self.queue[self.done]
            if self.ended or self.too_deep:
                self.done += 1
                continue  # (libxml2 adds an element after the root's end beside it, not in it)
            if event == "start":
                tag = element.tag
                if tag in _HELD and not last and not self._ended(element):
                    self.held = element
                    return
                self.done += 1
                self._start(element, tag)
            else:
                self.done += 1
                self._end(element)
        if self.done > _QUEUE_COMPACTION:
            del self.queue[: self.done]
            self.done = 0

    cdef bint _ended(self, element):
        """Whether the end of ``element`` (its start the next event to walk) is parsed."""
        cdef Py_ssize_t index
        for index in range(self.done + 1, len(self.queue)):
            if self.queue[index][1] is element:
                return True
        return False

    cdef void _start(self, element, tag):
        cdef list names = element.keys()
        self.residue.start(element, tag, names)
        if self.residue.depth() > self.max_depth:
            self.too_deep = True
            return
        if self.skipped:
            self.skipped += 1
        elif self.state.start(element, tag, names):
            self.state.add_text(element.text)
        else:
            self.skipped = 1

    cdef void _end(self, element):
        if self.skipped > 1:
            self.skipped -= 1
        else:
            self.skipped = 0
            self.state.end()
            self.state.add_text(element.tail)
        self.residue.end(element)
        self.ended = not self.residue.depth()


cdef object _start(LineBuilder builder, element, str tag, list names, tuple own):
    """Lay out the start of an element; the tag whose end needs laying out too, if any."""
    newlines = _OPEN.get(tag)
    if newlines is not None:
        builder.request(newlines)
        if tag == "li":
            builder.prefix = _BULLET
    if tag in _SHAPED:
        builder.shaper.open(tag, element)
        if tag in _CELLS:
            builder.cell()
        return tag
    if tag == "a":
        if "href" not in names or ((<Context>own[2]).heading and is_anchor(element)):
            return None
        builder.open_link((_get(element, b"href") or "").strip())
    elif tag == "img":
        _image(builder, element)
        return None
    return tag if tag in _CLOSE or tag == "a" else None


cdef void _end(LineBuilder builder, str tag):
    newlines = _CLOSE.get(tag)
    if newlines is not None:
        builder.request(newlines)
    if tag in _SHAPED:
        builder.shaper.close(tag)
    elif tag == "a":
        builder.close_link()


cdef void _image(LineBuilder builder, element):
    """Note an image with a source that is not inline data (``data-src`` for lazy loading)."""
    url = (_get(element, b"src") or _get(element, b"data-src") or "").strip()
    if url and not url.startswith("data:"):
        builder.image(url, " ".join((_get(element, b"alt") or "").split()))
