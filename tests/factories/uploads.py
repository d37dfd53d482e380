"""Uploads: real files of every accepted type, made with Pillow and pypdf, and stored files."""

from __future__ import annotations

import io

from PIL import Image
from pypdf import PdfWriter

from core.db import transaction
from db.models.identity import User
from db.models.uploads import UploadsFile
from services import uploads
from tests.factories.identity import actor_of

#: EXIF tag numbers: the camera's make, and the GPS block (where a photo was taken).
MAKE, GPS_INFO = 0x010F, 0x8825


def image_bytes(kind: str = "PNG", size: tuple[int, int] = (12, 8), *, exif: bool = False) -> bytes:
    """A small image; with `exif`, carrying a camera make, a GPS position and an orientation."""
    image = Image.new("RGB", size, (200, 30, 30))
    out = io.BytesIO()
    options = {}
    if exif:
        tags = Image.Exif()
        tags[MAKE] = "TrellisCam"
        tags[0x0112] = 6  # orientation: turned 90 degrees
        tags[GPS_INFO] = {1: "N", 2: (52.0, 22.0, 0.0)}
        options["exif"] = tags.tobytes()
    image.save(out, format=kind, **options)
    return out.getvalue()


def animated_gif(frames: int = 3) -> bytes:
    colours = [(255, 0, 0), (0, 255, 0), (0, 0, 255), (255, 255, 0)]
    shown = [Image.new("RGB", (6, 4), colours[n % 4]) for n in range(frames)]
    out = io.BytesIO()
    shown[0].save(out, format="GIF", save_all=True, append_images=shown[1:], duration=50, loop=0)
    return out.getvalue()


def pdf_bytes(pages: int = 3) -> bytes:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=200, height=200)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def make_uploads_file(
    owner: User, content: bytes | None = None, *, name: str = "a.png"
) -> UploadsFile:
    """A file stored through the service, as an upload through the API stores it (PENDING)."""
    stream = io.BytesIO(image_bytes() if content is None else content)
    with (
        uploads.staged_upload(name=name, stream=stream) as staged,
        transaction(write=True) as session,
    ):
        return uploads.record_upload(session, actor_of(owner), staged=staged)
