"""Serving a stored object over HTTP: streamed in chunks, one byte range at a time, named safely.

    stream_object(store, key, *, size, etag, content_type, filename, range_header, if_range)
        200 with the whole object, or 206 with the one range asked for (RFC 9110 §14), or
        RangeNotSatisfiable (416, with `Content-Range: bytes */size`) when it starts past the end;
        always `Accept-Ranges: bytes`, the ETag, `X-Content-Type-Options: nosniff` and an
        `attachment` Content-Disposition
    byte_range(header, size)    the (first, last) a Range header asks for, None for the whole
    content_disposition(name)   `attachment; filename="<ASCII>"; filename*=UTF-8''<exact>`

A Range the server may ignore is ignored, as RFC 9110 allows: a malformed one, a unit other than
bytes, several ranges (multipart/byteranges is not offered) and an If-Range that is not the
current ETag all answer the whole object. The body is read from storage chunk by chunk while it is
sent (Starlette iterates the storage iterator in a worker thread), never held whole in memory.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import quote

from starlette.responses import StreamingResponse

from core.errors import DomainError
from core.storage import Storage

_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")


class RangeNotSatisfiable(
    DomainError,
    status=416,
    type="/problems/range-not-satisfiable",
    title="Range Not Satisfiable",
): ...


def byte_range(header: str | None, size: int) -> tuple[int, int] | None:
    """(first, last) byte, inclusive, of the one satisfiable range `header` asks for; None to
    send everything; RangeNotSatisfiable when the range starts at or past the end."""
    if not header:
        return None
    found = _RANGE.match(header.strip())
    if found is None:
        return None
    first, last = found.groups()
    if not first and not last:
        return None
    if not first:  # the last N bytes
        suffix = int(last)
        if suffix == 0:
            raise RangeNotSatisfiable(f"The file has {size} bytes.", headers=_unsatisfied(size))
        return max(0, size - suffix), size - 1 if size else 0
    start = int(first)
    end = int(last) if last else size - 1
    if last and end < start:  # malformed: ignored
        return None
    if start >= size:
        raise RangeNotSatisfiable(f"The file has {size} bytes.", headers=_unsatisfied(size))
    return start, min(end, size - 1)


def _unsatisfied(size: int) -> dict[str, str]:
    return {"Content-Range": f"bytes */{size}"}


def content_disposition(filename: str, disposition: str = "attachment") -> str:
    """RFC 6266: an ASCII-only `filename` for old clients (quotes, backslashes and anything
    outside printable ASCII replaced) and the exact name in `filename*` (RFC 8187, UTF-8)."""
    folded = unicodedata.normalize("NFKD", filename).encode("ascii", "ignore").decode()
    fallback = re.sub(r'[^\x20-\x7e]|["\\%]', "_", folded).strip() or "download"
    exact = quote(filename, safe="")
    return f"{disposition}; filename=\"{fallback}\"; filename*=UTF-8''{exact}"


def stream_object(
    store: Storage,
    key: str,
    *,
    size: int,
    etag: str,
    content_type: str,
    filename: str,
    range_header: str | None = None,
    if_range: str | None = None,
) -> StreamingResponse:
    quoted = f'"{etag}"'
    wanted = byte_range(range_header, size) if if_range in (None, quoted) else None
    headers = {
        "Accept-Ranges": "bytes",
        "ETag": quoted,
        "X-Content-Type-Options": "nosniff",
        "Content-Disposition": content_disposition(filename),
    }
    if wanted is None or size == 0:
        headers["Content-Length"] = str(size)
        body = store.read(key) if size else iter(())
        return StreamingResponse(body, status_code=200, headers=headers, media_type=content_type)
    first, last = wanted
    headers["Content-Range"] = f"bytes {first}-{last}/{size}"
    headers["Content-Length"] = str(last - first + 1)
    return StreamingResponse(
        store.read(key, first, last), status_code=206, headers=headers, media_type=content_type
    )
