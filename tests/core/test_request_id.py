"""Request ids made without a UUID object are what `uuid.uuid4().hex` makes."""

from __future__ import annotations

import uuid

from core.middleware import new_request_id


def test_a_new_request_id_is_a_version_4_uuid_in_hex():
    ids = {new_request_id() for _ in range(2000)}
    assert len(ids) == 2000
    for request_id in ids:
        parsed = uuid.UUID(hex=request_id)
        assert (parsed.hex, parsed.version, parsed.variant) == (request_id, 4, uuid.RFC_4122)


def test_every_random_bit_of_uuid4_varies():
    # The mask keeps the 122 random bits uuid4 has: each is seen as both 0 and 1.
    values = [int(new_request_id(), 16) for _ in range(2000)]
    varying = 0
    for value in values:
        varying |= value ^ values[0]
    assert bin(varying).count("1") == 122
