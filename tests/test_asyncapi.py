"""The realtime contract's assembly (ci/assemble_asyncapi.py): slices add channels and messages
to the shared base, and a name two slices define is refused."""

from __future__ import annotations

import pytest

from ci import assemble_asyncapi
from core.sockets import ASYNCAPI_SPEC

SLICE = """
channels:
  room:
    address: /x
components:
  messages:
    hello:
      name: hello
"""


def test_the_generated_document_is_the_assembly_of_the_slices():
    assembled = assemble_asyncapi.assemble()
    assert "presenceRoom" in assembled["channels"]
    assert "bearerSubprotocol" in assembled["components"]["securitySchemes"]
    generated = ASYNCAPI_SPEC.read_text(encoding="utf-8")
    assert generated.startswith("asyncapi: 3.0.0")


def test_a_name_defined_by_two_slices_is_refused(tmp_path, monkeypatch):
    (tmp_path / "one.yaml").write_text(SLICE)
    (tmp_path / "two.yaml").write_text(SLICE)
    monkeypatch.setattr(assemble_asyncapi, "SLICES", tmp_path)
    with pytest.raises(SystemExit, match="defined twice"):
        assemble_asyncapi.assemble()
