"""The compiled scan of ``xml_compatible`` (``html/_parse.pyx``) against the plain test it
stands for: the bytes change under the blanking of control characters, or hold ``EF BF``."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from cleantext.html._parse import needs_mending
from cleantext.html.parse import BLANK_CONTROLS, CONTROL_CODES, NONCHARACTER_LEAD, xml_compatible


def _reference(data: bytes) -> bool:
    return data.translate(BLANK_CONTROLS) != data or NONCHARACTER_LEAD in data


ODD_BYTES = st.sampled_from([0x00, 0x08, 0x09, 0x0A, 0x0B, 0x0D, 0x1F, 0x20, 0xBF, 0xEF, 0x7F])
BYTES = st.lists(st.one_of(ODD_BYTES, st.integers(0, 255)), max_size=80).map(bytes)


@given(BYTES)
def test_the_scan_finds_what_the_plain_test_finds(data: bytes) -> None:
    assert needs_mending(data) == _reference(data)


@given(st.text(max_size=60))
def test_xml_compatible_is_the_plain_mending(text: str) -> None:
    data = text.encode("utf-8", "replace").translate(BLANK_CONTROLS)
    for noncharacter in ("\ufffe".encode(), "\uffff".encode()):
        data = data.replace(noncharacter, "\ufffd".encode())
    assert xml_compatible(text) == data


def test_each_odd_byte_is_found_at_every_place_of_a_word() -> None:
    for size in range(0, 20):
        for place in range(size):
            for odd in (*CONTROL_CODES, 0xEF):
                data = bytearray(b"a" * size)
                data[place] = odd
                if odd == 0xEF and place + 1 < size:
                    data[place + 1] = 0xBF
                assert needs_mending(bytes(data)) == _reference(bytes(data)), (size, place, odd)


def test_edges() -> None:
    assert not needs_mending(b"")
    assert not needs_mending(b"\t\n\r" * 100 + "жук £ ，".encode() * 1000)
    assert needs_mending(b"x" * 100_000 + b"\x0c")
    assert not needs_mending(b"x" * 100_000 + b"\xef")  # (a lead without its second byte)
    assert needs_mending(b"x" * 7 + b"\xef\xbf")  # (the pair across two words)
    assert not needs_mending(b"\xef\xbc\x8c" * 9)  # (fullwidth comma: EF BC, not EF BF)
