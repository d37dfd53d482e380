"""Reading an uploaded CSV file: its encoding, its delimiter and its records.

Encoding (the first rule that applies wins; the result is stored with the import):

1. a byte order mark: EF BB BF is UTF-8 (`utf-8-sig`), FF FE or FE FF is UTF-16 (`utf-16`);
2. no mark, but a NUL in every other byte of the first line (ASCII text written as UTF-16):
   `utf-16-le` or `utf-16-be`, by which half of each pair is the NUL;
3. the whole file is valid UTF-8: `utf-8`;
4. anything else is read as Latin-1 (`latin-1`, ISO 8859-1), which decodes every byte: a file
   saved by an old spreadsheet in Windows-1252 keeps its letters, and a few rarer punctuation
   characters (the 0x80-0x9F range) arrive as control characters.

Delimiter: `csv.Sniffer` over the first lines, among comma, semicolon, tab and `|`; when it cannot
tell, or picks one the header line does not contain, the candidate the header line holds most
often, else a comma. Quoting is CSV's usual: `"` around a field, `""` inside one; a quoted field
may hold delimiters and line breaks.

Records: the first non-blank record is the header; blank records (empty lines) are skipped and
not counted; each record is numbered by the file line it starts on (the header is usually line
1), which is what error reports show.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, BinaryIO

CANDIDATES = ",;\t|"
SAMPLE_CHARS = 16 * 1024
READ_BYTES = 256 * 1024
#: The largest cell accepted (characters); a notes page body may hold 100,000.
FIELD_LIMIT = 200_000
csv.field_size_limit(max(csv.field_size_limit(), FIELD_LIMIT))


class Unreadable(ValueError):
    """The file cannot be read as CSV: the message says where and why."""


@dataclass(frozen=True)
class Fingerprint:
    checksum: str
    size: int
    encoding: str


def fingerprint(stream: BinaryIO) -> Fingerprint:
    """SHA-256, size and encoding of a whole stream (read once, in pieces)."""
    digest = hashlib.sha256()
    utf8 = codecs.getincrementaldecoder("utf-8")()
    valid_utf8, size, head = True, 0, b""
    while piece := stream.read(READ_BYTES):
        digest.update(piece)
        size += len(piece)
        if len(head) < 4096:
            head += piece[: 4096 - len(head)]
        if valid_utf8:
            try:
                utf8.decode(piece)
            except UnicodeDecodeError:
                valid_utf8 = False
    if valid_utf8:
        try:
            utf8.decode(b"", final=True)
        except UnicodeDecodeError:
            valid_utf8 = False
    return Fingerprint(digest.hexdigest(), size, detect_encoding(head, valid_utf8=valid_utf8))


def detect_encoding(head: bytes, *, valid_utf8: bool) -> str:
    """The encoding rule of the module docstring, from the first bytes of the file."""
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    first_line = head.split(b"\n\x00", 1)[0].split(b"\x00\n", 1)[0][:200]
    pairs = len(first_line) // 2
    if pairs >= 2:
        if all(first_line[2 * i + 1] == 0 for i in range(pairs)):
            return "utf-16-le"
        if all(first_line[2 * i] == 0 for i in range(pairs)):
            return "utf-16-be"
    return "utf-8" if valid_utf8 else "latin-1"


def sniff_delimiter(sample: str) -> str:
    """The delimiter rule of the module docstring."""
    cut = sample.rfind("\n")
    sample = sample[: cut + 1] if cut > 0 else sample
    header = sample.lstrip("\ufeff\r\n").splitlines()[0] if sample.strip() else ""
    try:
        found = csv.Sniffer().sniff(sample, delimiters=CANDIDATES).delimiter
        if found in header:
            return found
    except csv.Error:
        pass
    counts = {candidate: header.count(candidate) for candidate in CANDIDATES}
    best = max(counts, key=lambda candidate: counts[candidate])
    return best if counts[best] else ","


def sample(stream: BinaryIO, encoding: str) -> str:
    """The first characters of a stream (then rewound), for sniffing."""
    head = stream.read(SAMPLE_CHARS * 2)
    stream.seek(0)
    return codecs.getincrementaldecoder(encoding)(errors="ignore").decode(head)


@contextmanager
def decoded(stream: BinaryIO, encoding: str) -> Iterator[io.TextIOWrapper]:
    """The stream decoded, lines left as written (as the csv module wants them); the stream
    stays open afterwards."""
    wrapper = io.TextIOWrapper(stream, encoding=encoding, errors="strict", newline="")
    try:
        yield wrapper
    finally:
        wrapper.detach()


def records(lines: io.TextIOWrapper, delimiter: str) -> Iterator[tuple[int, list[str]]]:
    """(line the record starts on, its cells) of every non-blank record, the header first."""
    reader = csv.reader(lines, delimiter=delimiter)
    started = 1
    try:
        for cells in reader:
            if any(cell.strip() for cell in cells):
                yield started, cells
            started = reader.line_num + 1
    except csv.Error as error:
        raise Unreadable(f"line {reader.line_num}: {error}") from None
    except UnicodeDecodeError:
        raise Unreadable(f"line {reader.line_num + 1}: the bytes are not valid text") from None


class ChunkStream(io.RawIOBase):
    """A stored file read back piece by piece: `fetch(seq)` returns piece `seq` or None."""

    def __init__(self, fetch: Callable[[int], bytes | None]) -> None:
        self._fetch = fetch
        self._seq = 0
        self._pending = b""
        self._done = False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while not self._pending and not self._done:
            piece = self._fetch(self._seq)
            self._seq += 1
            if piece is None:
                self._done = True
            else:
                self._pending = piece
        count = min(len(buffer), len(self._pending))
        buffer[:count] = self._pending[:count]
        self._pending = self._pending[count:]
        return count
