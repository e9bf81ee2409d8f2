"""The compiled kernel of :mod:`cleantext.text.prefilter`: which lines hold a word, in one pass.

The detectors' pre-filters look for a few dozen words (case-folded) in the
newline-joined text of a page's short lines. One ``str.find`` per word scans the whole
text once per word; :func:`lines_holding` scans it once for all of them: at each
character that starts one of the words, it compares those words in place.

:func:`lines_leading_with` does the same only where a line's first letter or digit
stands (the marks before it skipped), for the rules anchored at a line's start, and
:func:`longer_lines` finds the lines of a :class:`~cleantext.text._lines.LineTable`
longer than a limit without building them. :func:`casefold` folds the text they scan,
from ``_features``' table where it can.
"""

cimport cython
from cpython.array cimport array, clone, resize, resize_smart
from cpython.unicode cimport (
    PyUnicode_1BYTE_KIND, PyUnicode_2BYTE_KIND, PyUnicode_DATA, PyUnicode_KIND, PyUnicode_New,
    PyUnicode_READ, PyUnicode_WRITE,
)
from libc.string cimport memset

from array import array as _new_array
from itertools import accumulate

from cleantext.text._features cimport FOLDS_END, NOT_ONE, folds
from cleantext.text._lines cimport LineTable, line_end, line_start, newline_from, text_start

DEF ASCII = 128
DEF COMBINING_DOT = 0x307  # ``İ`` case-folds to ``i`` and this
DEF NEWLINE = 10
DEF FOLD_BLOCK = 256  # characters that :func:`casefold` folds by the same means
DEF FOLD_PIECE = 1 << 16  # the longest text that it folds with one ``str.casefold``


cdef struct Text:  # a string's code points, read in place
    int kind
    void *data
    Py_ssize_t length


cdef inline Text text_of(str text) noexcept:
    cdef Text found
    found.kind, found.data, found.length = PyUnicode_KIND(text), PyUnicode_DATA(text), len(text)
    return found


cdef inline Py_UCS4 char_at(Text text, Py_ssize_t position) noexcept:
    return PyUnicode_READ(text.kind, text.data, position)


cdef inline Py_ssize_t next_line(Text text, Py_ssize_t position) noexcept:
    """The position after the newline that ends the line at ``position`` (or the length)."""
    return newline_from(text.kind, text.data, position, text.length) + 1


@cython.final
cdef class Words:
    """Words to find, grouped by their first character, compared in place: build it once
    for words that are looked for on every page (the scans take words or a ``Words``).

    ``chars`` holds the words one after another (sorted), ``offsets[k]`` and
    ``sizes[k]`` place word ``k`` in it. The words starting with ASCII character ``c``
    are ``first[c]`` to ``first[c] + count[c] - 1``, and ``pairs[c][d]`` says whether
    one of them goes on with ASCII ``d`` (``wild[c]``: one goes on with another
    character or ends there), so that most positions are passed over after two table
    reads. The groups of the other first characters are ``other_chars``,
    ``other_first`` and ``other_count`` (few on any list). ``stops[c]`` marks the
    characters below 256 where a scan must stop: the newline, and first characters.
    """

    cdef str joined
    cdef Text chars
    cdef array offsets, sizes, other_chars, other_first, other_count
    cdef Py_ssize_t first[ASCII]
    cdef Py_ssize_t count[ASCII]
    cdef unsigned char pairs[ASCII][ASCII]
    cdef unsigned char wild[ASCII]
    cdef unsigned char stops[256]

    def __init__(self, words):
        cdef list ordered = sorted(set(words) - {""})
        self.joined = "".join(ordered)
        self.chars = text_of(self.joined)
        self.sizes = _new_array("q", [len(word) for word in ordered])
        self.offsets = _new_array("q", accumulate(self.sizes, initial=0))
        self.other_chars, self.other_first, self.other_count = (
            _new_array("I"), _new_array("q"), _new_array("q"))
        memset(self.first, 0, sizeof(self.first))
        memset(self.count, 0, sizeof(self.count))
        memset(self.pairs, 0, sizeof(self.pairs))
        memset(self.wild, 0, sizeof(self.wild))
        memset(self.stops, 0, sizeof(self.stops))
        self.stops[NEWLINE] = 1
        cdef Py_ssize_t number
        for number in range(len(ordered)):
            self._group(number)

    cdef void _group(self, Py_ssize_t number):
        """Count word ``number`` (sorted: its group's words are adjacent) in its group."""
        cdef Py_ssize_t offset = self.offsets.data.as_longlongs[number]
        cdef Py_ssize_t size = self.sizes.data.as_longlongs[number]
        cdef Py_UCS4 code = char_at(self.chars, offset)
        cdef Py_UCS4 second = char_at(self.chars, offset + 1) if size > 1 else ASCII
        cdef Py_ssize_t groups = len(self.other_chars)
        if code < 256:
            self.stops[code] = 1
        if code < ASCII:
            if not self.count[code]:
                self.first[code] = number
            self.count[code] += 1
            if second < ASCII:
                self.pairs[code][second] = 1
            else:
                self.wild[code] = 1
        elif groups and self.other_chars.data.as_uints[groups - 1] == code:
            self.other_count.data.as_longlongs[groups - 1] += 1
        else:
            self.other_chars.append(<Py_ssize_t>code)
            self.other_first.append(number)
            self.other_count.append(1)

    cdef inline Py_ssize_t skip(self, Text text, Py_ssize_t position) noexcept:
        """The first position from ``position`` on that holds a newline or a character
        that may start a word (the text's length when none does)."""
        cdef const unsigned char *latin
        cdef Py_UCS4 char
        if text.kind == PyUnicode_1BYTE_KIND:
            latin = <const unsigned char *>text.data
            while position < text.length:
                char = latin[position]
                if self.stops[char] and (
                        char >= ASCII or char == NEWLINE or self.wild[char]
                        or position + 1 >= text.length or latin[position + 1] >= ASCII
                        or self.pairs[char][latin[position + 1]]):
                    return position  # (the checks of :meth:`maybe`, on the bytes)
                position += 1
            return position
        while position < text.length:
            char = char_at(text, position)
            if char >= 256 or self.stops[char]:
                return position
            position += 1
        return position

    cdef inline bint maybe(self, Text text, Py_ssize_t position, Py_UCS4 char) noexcept:
        """False when no word can start at ``position`` (``char``), by the tables alone."""
        if char >= ASCII:
            return True
        if not self.count[char]:
            return False
        if self.wild[char] or position + 1 >= text.length:
            return True
        cdef Py_UCS4 second = char_at(text, position + 1)
        return second >= ASCII or self.pairs[char][second]

    cdef bint at(self, Text text, Py_ssize_t position, Py_UCS4 char) noexcept:
        """True when one of the words starts at ``position`` (its character ``char``)."""
        cdef Py_ssize_t number = 0, stop = 0, group
        if char < ASCII:
            number, stop = self.first[char], self.first[char] + self.count[char]
        else:
            for group in range(len(self.other_chars)):
                if self.other_chars.data.as_uints[group] == char:
                    number = self.other_first.data.as_longlongs[group]
                    stop = number + self.other_count.data.as_longlongs[group]
                    break
        while number < stop:
            if self._same(text, position, number):
                return True
            number += 1
        return False

    cdef inline bint _same(self, Text text, Py_ssize_t position, Py_ssize_t number) noexcept:
        """True when word ``number`` starts at ``position`` (it holds no newline, so it
        never runs into the next line).

        An ``i`` of the text followed by U+0307 (what ``İ`` folds to) stands for ``i``
        alone, as ``regex.IGNORECASE`` equates ``İ`` with ``i``.
        """
        cdef Py_ssize_t offset = self.offsets.data.as_longlongs[number]
        cdef Py_ssize_t size = self.sizes.data.as_longlongs[number], k
        cdef Py_UCS4 char
        for k in range(size):
            if position >= text.length:
                return False
            char = char_at(text, position)
            if char != char_at(self.chars, offset + k):
                return False
            position += 1
            if char == u"i" and position < text.length and char_at(text, position) == COMBINING_DOT:
                position += 1
        return True


def lines_holding(str text, words):
    """The numbers of the lines of ``text`` (split at ``\\n``) that hold one of ``words``.

    >>> lines_holding("leave a comment\\nthe text.\\nreplies\\n\\nno", ("comment", "repl", "z"))
    [0, 2]
    >>> lines_holding("ça va\\nжили-были\\nok\\n©", ("были", "ça", "©", ""))
    [0, 1, 3]
    >>> lines_holding("Dİscussion".casefold(), ("discussion",))  # (``İ`` folds to two)
    [0]
    """
    cdef Words found = words if isinstance(words, Words) else Words(words)
    cdef Text scanned = text_of(text)
    cdef list numbers = []
    cdef Py_ssize_t position = 0, line = 0
    cdef Py_UCS4 char
    while position < scanned.length:
        position = found.skip(scanned, position)
        if position >= scanned.length:
            break
        char = char_at(scanned, position)
        if char == NEWLINE:
            line += 1
        elif found.maybe(scanned, position, char) and found.at(scanned, position, char):
            numbers.append(line)  # one hit is enough: on to the next line
            position = next_line(scanned, position)
            line += 1
            continue
        position += 1
    return numbers


def lines_leading_with(str text, words):
    """The numbers of the lines of ``text`` (split at ``\\n``) whose first letter or digit
    starts one of ``words``: what ``^(?:[^\\w\\n]|_)*+(?:words)`` can match, and more (the
    marks skipped are those that are neither a letter nor a decimal digit for
    ``str.isalpha`` and ``str.isdecimal``; ``\\w`` holds a few more, such as ``½``, that
    cannot start a word).

    >>> lines_leading_with("• read more\\nalready read\\n[read on]\\n½ read\\n_read", ("read",))
    [0, 2, 3, 4]
    """
    return _lines_leading(text, words if isinstance(words, Words) else Words(words))


cdef list _lines_leading(str text, Words found):
    """The numbers of the lines that start with one of ``found``'s words, after the marks
    that are neither a letter nor a decimal digit."""
    cdef Text scanned = text_of(text)
    cdef list numbers = []
    cdef Py_ssize_t position = 0, line = 0
    cdef Py_UCS4 char
    while position < scanned.length:
        char = char_at(scanned, position)
        if char == NEWLINE:
            line += 1
            position += 1
            continue
        if char.isalpha() or char.isdecimal():
            if found.maybe(scanned, position, char) and found.at(scanned, position, char):
                numbers.append(line)
            position = next_line(scanned, position)  # only the line's first word counts
            line += 1
            continue
        position += 1
    return numbers


def longer_lines(LineTable table, Py_ssize_t limit, Py_ssize_t longest=-1, str opening=""):
    """The indexes of the lines of ``table`` whose text (indentation stripped) is longer
    than ``limit`` characters, and at most ``longest`` (when it is not negative): a caller
    that reads lines up to some length builds no line beyond it. With ``opening``, only
    the lines whose text starts with one of its characters.

    >>> from cleantext.text._lines import LineTable
    >>> longer_lines(LineTable("short\\n    four\\nlonger one"), 4)
    [0, 2]
    >>> longer_lines(LineTable("short\\n    four\\nlonger one"), 4, 5)
    [0]
    >>> longer_lines(LineTable("short\\n    • four\\n- longer one"), 4, -1, "•-")
    [1, 2]
    """
    cdef str text = table.text
    cdef list numbers = []
    cdef Py_ssize_t index, first, end
    for index in range(table.count):
        end = line_end(table, index)
        if end - line_start(table, index) <= limit:
            continue  # (the indentation only makes the line shorter)
        first = text_start(table, index)
        if end - first <= limit or (longest >= 0 and end - first > longest):
            continue
        if not opening or text[first] in opening:
            numbers.append(index)
    return numbers


def lines_up_to(LineTable table, array numbers, Py_ssize_t longest):
    """The numbers among ``numbers`` (of lines of ``table``, an ``array('q')``) whose text
    (indentation stripped) has at most ``longest`` characters, an ``array('q')``: a caller
    builds the lines it reads, none beyond them.

    >>> from array import array
    >>> from cleantext.text._lines import LineTable
    >>> table = LineTable("short\\n    four\\nlonger one")
    >>> lines_up_to(table, array("q", [0, 1, 2]), 4).tolist(), lines_up_to(table, array("q"), 4)
    ([1], array('q'))
    """
    cdef Py_ssize_t k, count = 0
    for k in range(len(numbers)):
        count += _at_most(table, numbers.data.as_longlongs[k], longest)
    cdef array chosen = clone(numbers, count, False)  # (of the same type, 'q')
    count = 0
    for k in range(len(numbers)):
        if _at_most(table, numbers.data.as_longlongs[k], longest):
            chosen.data.as_longlongs[count] = numbers.data.as_longlongs[k]
            count += 1
    return chosen


cdef bint _at_most(LineTable table, Py_ssize_t index, Py_ssize_t longest):
    """True when line ``index``'s text (indentation stripped) has at most ``longest`` characters."""
    cdef Py_ssize_t end = line_end(table, index)
    if end - line_start(table, index) <= longest:
        return True  # (the indentation only makes the line shorter)
    return end - text_start(table, index) <= longest


DEF WIDEST = 0x10000  # the words' characters all lie below this (the Basic Multilingual Plane)
DEF DEAD = -1  # no move: an anchored walk stops there


@cython.final
cdef class Triggers:
    """Named groups of words, all found by one pass over a text: :meth:`lines` gives each
    line's groups at once, so that a page is read once for every detector's words.

    A group is found *anywhere* in a line (as :func:`lines_holding` finds words),
    *leading* (where the line's first letter or digit stands, as
    :func:`lines_leading_with`), or *opening* (at its first character); a *numbered*
    group has no words: it marks the lines whose first letter or digit is a decimal
    digit (``str.isdecimal``, what ``\\d`` matches after ``^[\\W_]*``). The words found
    anywhere form an Aho-Corasick automaton (each character read once, one table move per
    character); the anchored ones form two tries walked from each line's start.
    ``columns[c]`` numbers the characters the words use (0: any other),
    ``moves[state * width + column]`` is the next state, and ``found[state]`` the groups
    (a bit each) of the words that end at that state.

    >>> scan = Triggers({"talk": ("comment", "repl")}, {"more": ("read",)}, {"tag": ("tags",)},
    ...                 ("count",))
    >>> numbers, groups = scan.lines("leave a comment\\n• read on\\ntags: a, b\\n(2) replies")
    >>> list(numbers), list(groups), scan.bits
    ([0, 1, 2, 3], [1, 2, 4, 9], {'talk': 1, 'more': 2, 'tag': 4, 'count': 8})
    """

    cdef readonly dict bits
    cdef Py_ssize_t width
    cdef unsigned char columns[WIDEST]
    cdef array moves, found, lead_moves, lead_found, open_moves, open_found
    cdef unsigned long long anywhere_bits, lead_bits, open_bits, number_bits

    def __init__(self, anywhere=None, leading=None, opening=None, numbered=()):
        groups = [dict(anywhere or {}), dict(leading or {}), dict(opening or {})]
        names = [name for kind in groups for name in kind] + list(numbered)
        if len(set(names)) != len(names) or len(names) > 64:
            raise ValueError(f"group names must be unique, at most 64: {names}")
        self.bits = {name: 1 << number for number, name in enumerate(names)}
        self._number_columns(groups)
        self.moves, self.found = self._trie(groups[0], True)
        self.lead_moves, self.lead_found = self._trie(groups[1], False)
        self.open_moves, self.open_found = self._trie(groups[2], False)
        self.anywhere_bits = sum(self.bits[name] for name in groups[0])
        self.lead_bits = sum(self.bits[name] for name in groups[1])
        self.open_bits = sum(self.bits[name] for name in groups[2])
        self.number_bits = sum(self.bits[name] for name in numbered)

    def _number_columns(self, list groups):
        """Number the characters of the words from 1 (0 stands for every other one)."""
        chars = sorted({char for kind in groups for words in kind.values()
                        for word in words for char in word})
        if len(chars) > 255 or any(ord(char) >= WIDEST for char in chars):
            raise ValueError("the words use too many characters, or some beyond the BMP")
        if "\n" in chars or chr(COMBINING_DOT) in chars:
            raise ValueError("the words hold no newline and no U+0307")
        memset(self.columns, 0, sizeof(self.columns))
        for number, char in enumerate(chars, start=1):
            self.columns[ord(char)] = number
        self.width = len(chars) + 1

    def _trie(self, dict groups, bint floating):
        """The moves and found groups of the trie of ``groups``' words; with ``floating``,
        completed into an automaton that finds them anywhere (Aho-Corasick)."""
        children = [{}]  # per state: column -> child state
        ends = [0]
        for name, words in groups.items():
            for word in words:
                if not word:
                    continue
                state = 0
                for char in word:
                    column = self.columns[ord(char)]
                    if column not in children[state]:
                        children[state][column] = len(children)
                        children.append({})
                        ends.append(0)
                    state = children[state][column]
                ends[state] |= self.bits[name]
        moves = _new_array("i", [DEAD]) * (len(children) * self.width)
        for state, below in enumerate(children):
            for column, child in below.items():
                moves[state * self.width + column] = child
        if floating:
            _complete(moves, ends, children, self.width)
        return moves, _new_array("Q", ends)

    def lines(self, str text):
        """The numbers of the lines of ``text`` (split at ``\\n``) that hold a word of some
        group, and, for each, the bits of its groups (``bits[name]``): two arrays."""
        cdef Text scanned = text_of(text)
        cdef array numbers = _new_array("q"), masks = _new_array("Q")
        cdef Py_ssize_t start = 0, line = 0, count = 0
        cdef unsigned long long mask
        while start <= scanned.length:
            mask = self._anchored(scanned, start)
            if self.anywhere_bits:
                start = self._anywhere(scanned, start, &mask)
            else:
                start = next_line(scanned, start)
            if mask:
                if count == len(numbers):  # (grown in place, amortised: no method call)
                    resize_smart(numbers, count + 1)
                    resize_smart(masks, count + 1)
                numbers.data.as_longlongs[count] = line
                masks.data.as_ulonglongs[count] = mask
                count += 1
            line += 1
        resize(numbers, count)
        resize(masks, count)
        return numbers, masks

    cdef unsigned long long _anchored(self, Text text, Py_ssize_t start):
        """The groups of the opening and leading words of the line that starts at ``start``."""
        cdef unsigned long long mask = 0
        cdef Py_UCS4 char
        if self.open_bits:
            mask |= self._walk(self.open_moves, self.open_found, text, start)
        if self.lead_bits or self.number_bits:
            while start < text.length:
                char = char_at(text, start)
                if char == NEWLINE:
                    break
                if char.isdecimal():
                    mask |= self.number_bits
                if char.isalpha() or char.isdecimal():
                    mask |= self._walk(self.lead_moves, self.lead_found, text, start)
                    break
                start += 1
        return mask

    cdef Py_ssize_t _anywhere(self, Text text, Py_ssize_t start, unsigned long long *mask):
        """Add to ``mask`` the groups of the words found anywhere in the line that starts at
        ``start``, one move a character; the position after the line's newline comes back.

        An ``i`` followed by U+0307 (what ``İ`` folds to) reads as ``i`` alone, as
        ``regex.IGNORECASE`` equates ``İ`` with ``i``: the U+0307 is passed over. A text of
        a byte per character holds none: its line's end is found first (``memchr``) and
        the moves are made with no other test.
        """
        cdef const int *moves = self.moves.data.as_ints
        cdef const unsigned long long *found = self.found.data.as_ulonglongs
        cdef const unsigned char *columns = self.columns
        cdef const unsigned char *latin
        cdef Py_ssize_t width = self.width, state = 0, position = start, end
        cdef unsigned long long seen = 0
        cdef Py_UCS4 char, previous = 0
        if text.kind == PyUnicode_1BYTE_KIND:
            latin = <const unsigned char *>text.data
            end = next_line(text, start) - 1  # (the newline, or the text's end)
            for position in range(start, end):
                state = moves[state * width + columns[latin[position]]]
                seen |= found[state]
            mask[0] |= seen
            return end + 1
        while position < text.length:
            char = char_at(text, position)
            position += 1
            if char == NEWLINE:
                mask[0] |= seen
                return position
            if char == COMBINING_DOT and previous == u"i":
                previous = char
                continue
            previous = char
            state = moves[state * width + (columns[char] if char < WIDEST else 0)]
            seen |= found[state]
        mask[0] |= seen
        return position + 1

    cdef unsigned long long _walk(self, array moves, array found, Text text,
                                  Py_ssize_t position):
        """The groups of the anchored words that start at ``position`` (in its line)."""
        cdef unsigned long long mask = 0
        cdef Py_ssize_t state = 0
        cdef Py_UCS4 char
        while position < text.length:
            char = char_at(text, position)  # (a newline has no move: the walk stops there)
            position += 1
            state = moves.data.as_ints[state * self.width + (
                self.columns[char] if char < WIDEST else 0)]
            if state == DEAD:
                break
            mask |= found.data.as_ulonglongs[state]
            if char == u"i" and position < text.length and \
                    char_at(text, position) == COMBINING_DOT:
                position += 1
        return mask


cdef void _complete(array moves, list ends, list children, Py_ssize_t width):
    """Turn the trie ``moves`` into an automaton that finds its words anywhere: each missing
    move goes where the longest suffix that is also a prefix of a word would, and each
    state takes the found groups of that suffix (breadth first, so they are known)."""
    cdef list fallback = [0] * len(children)
    cdef list queue = []
    cdef Py_ssize_t head = 0, column, state, child
    for column in range(width):
        child = moves.data.as_ints[column]
        if child == DEAD:
            moves.data.as_ints[column] = 0
        else:
            queue.append(child)
    while head < len(queue):
        state = queue[head]
        head += 1
        ends[state] |= ends[fallback[state]]
        for column in range(width):
            child = moves.data.as_ints[state * width + column]
            if child == DEAD:
                moves.data.as_ints[state * width + column] = \
                    moves.data.as_ints[fallback[state] * width + column]
            else:
                fallback[child] = moves.data.as_ints[fallback[state] * width + column]
                queue.append(child)


def lines_with_terms(array numbers, array masks, terms):
    """The numbers among ``numbers`` whose entry of ``masks`` holds every bit of one of
    ``terms`` (a union of conjunctions of groups: :meth:`Triggers.lines` gives them), an
    ``array('q')`` of their size (counted first, as :func:`lines_in`).

    >>> from array import array
    >>> lines_with_terms(array("q", [0, 3, 7, 9]), array("Q", [1, 3, 2, 4]), (3, 4)).tolist()
    [3, 9]
    """
    cdef array wanted = _new_array("Q", terms)
    cdef Py_ssize_t k, count = 0
    for k in range(len(numbers)):
        count += _has_term(masks.data.as_ulonglongs[k], wanted)
    cdef array chosen = clone(numbers, count, False)  # (of the same type, 'q')
    count = 0
    for k in range(len(numbers)):
        if _has_term(masks.data.as_ulonglongs[k], wanted):
            chosen.data.as_longlongs[count] = numbers.data.as_longlongs[k]
            count += 1
    return chosen


cdef inline bint _has_term(unsigned long long mask, array terms) noexcept:
    """True when ``mask`` holds every bit of one of ``terms`` (an ``array('Q')``)."""
    cdef Py_ssize_t term
    cdef unsigned long long bits
    for term in range(len(terms)):
        bits = terms.data.as_ulonglongs[term]
        if mask & bits == bits:
            return True
    return False


def lines_in(array numbers, array masks, unsigned long long bit):
    """The numbers among ``numbers`` whose entry of ``masks`` has ``bit`` (what
    :meth:`Triggers.lines` gives, for one group), an ``array('q')``: 8 bytes a line found,
    no int object each (a common trigger finds a line in ten on some pages).

    >>> from array import array
    >>> lines_in(array("q", [0, 3, 7]), array("Q", [1, 3, 2]), 2).tolist()
    [3, 7]
    """
    cdef Py_ssize_t k, count = 0
    for k in range(len(numbers)):
        count += (masks.data.as_ulonglongs[k] & bit) != 0
    cdef array chosen = clone(numbers, count, False)  # (of the same type, 'q')
    count = 0
    for k in range(len(numbers)):
        if masks.data.as_ulonglongs[k] & bit:
            chosen.data.as_longlongs[count] = numbers.data.as_longlongs[k]
            count += 1
    return chosen


cdef Py_UCS4 _block_largest(Text text, Py_ssize_t start, Py_ssize_t end) noexcept:
    """The largest fold of ``text[start:end]``'s characters in ``folds``: ``NOT_ONE`` when
    one of them is beyond the table or folds to several. (A byte per character: each is in
    the table; two: the loop reads them as such, not through the kind's switch.)"""
    cdef Py_ssize_t position
    cdef Py_UCS4 char, largest = 0
    if text.kind == PyUnicode_1BYTE_KIND:
        for position in range(start, end):
            largest = max(largest, folds[(<unsigned char *>text.data)[position]])
        return largest
    if text.kind == PyUnicode_2BYTE_KIND:
        for position in range(start, end):
            char = (<unsigned short *>text.data)[position]
            if char >= FOLDS_END:
                return NOT_ONE
            largest = max(largest, folds[char])
        return largest
    for position in range(start, end):
        char = char_at(text, position)
        if char >= FOLDS_END:
            return NOT_ONE
        largest = max(largest, folds[char])
    return largest


cdef str _table_folded(Text text, Py_ssize_t start, Py_ssize_t end, Py_UCS4 largest):
    """``text[start:end]`` folded by ``folds`` (each character in it, folding to one:
    :func:`_block_largest` gave ``largest``, the largest fold). When the fold keeps the
    text's width (one byte or two a character), the loop copies at that width."""
    cdef str folded = PyUnicode_New(end - start, largest)
    cdef int kind = PyUnicode_KIND(folded)
    cdef void *data = PyUnicode_DATA(folded)
    cdef Py_ssize_t position
    if kind == text.kind == PyUnicode_1BYTE_KIND:
        for position in range(start, end):
            (<unsigned char *>data)[position - start] = (
                folds[(<unsigned char *>text.data)[position]])
    elif kind == text.kind == PyUnicode_2BYTE_KIND:
        for position in range(start, end):
            (<unsigned short *>data)[position - start] = (
                folds[(<unsigned short *>text.data)[position]])
    else:
        for position in range(start, end):
            PyUnicode_WRITE(kind, data, position - start, folds[char_at(text, position)])
    return folded


def casefold(str text, Py_ssize_t piece=FOLD_PIECE):
    """``text.casefold()``. ASCII folds by ``str.casefold`` (in place of its own size);
    other text by blocks of :data:`FOLD_BLOCK` characters: a block whose characters each
    fold to one below ``FOLDS_END`` from ``_features``' table, any other block by
    ``str.casefold``, at most ``piece`` characters at a time (CPython folds a text beyond
    ASCII through a buffer of 12 bytes per character). Neighbouring blocks folded by the
    same means are folded together. Case folding maps each character on its own (no
    context, no final sigma), so the pieces fold exactly as the whole.

    >>> casefold("Straße ΣΑΣ İ", piece=3) == "Straße ΣΑΣ İ".casefold()
    True
    >>> casefold("Ça VA ‘OUI’ µ"), casefold("ＡＢ ﬁ ᏸ")
    ('ça va ‘oui’ μ', 'ａｂ fi Ᏸ')
    """
    if piece < 1:
        raise ValueError("a piece holds one character or more")
    if text.isascii():
        return text.casefold()
    cdef Text chars = text_of(text)
    cdef Py_ssize_t block = min(FOLD_BLOCK, piece), start = 0, stop, end
    cdef Py_UCS4 largest, next_largest
    cdef bint by_table
    cdef list pieces = []
    while start < chars.length:
        stop = min(start + block, chars.length)
        largest = _block_largest(chars, start, stop)
        by_table = largest != NOT_ONE
        while stop < chars.length and (by_table or stop - start < piece):
            end = min(stop + block, chars.length)
            if not by_table:
                end = min(end, start + piece)
            next_largest = _block_largest(chars, stop, end)
            if (next_largest != NOT_ONE) != by_table:
                break
            largest = max(largest, next_largest)
            stop = end
        if by_table:
            pieces.append(_table_folded(chars, start, stop, largest))
        else:
            pieces.append(text[start:stop].casefold())
        start = stop
    return pieces[0] if len(pieces) == 1 else u"".join(pieces)
