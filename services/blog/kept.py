"""The blog's answers kept per process (core/kept_answers.py), by their exact raw path and query
string: the Conduit facade's tags and its article reads (lists and single articles) as anonymous
readers see them, a signed reader's answer there being the kept one with that reader's
`favorited` and `following` flags read fresh (handlers/_kept.py `shared_read`); and the main
API's post lists, posts and tag pages the same way (a list that could show a reader's own drafts
is shared only by a reader without any: whether a reader has drafts is kept here too).

They are all dropped by any write to what they show — posts, their tags, tag counts (the tags
list, a tag's `articlesCount`), favorites (`favoritesCount`), profiles (the author) — which a
statement listener notices in the unit of work that sends it, so no service can forget to say
so, and a transaction's writes cost one message however many they are. A write sent outside a
unit of work (bulk SQL, a restore) must call `KEPT.announce_change()`. Follows and comments drop
nothing: `following` is never kept (always read for the reader), and comments are in no kept
answer.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from sqlalchemy import Engine, event

from core.db import current_session
from core.kept_answers import KeptAnswers
from services.blog.settings import blog_settings

KEPT = KeptAnswers("blog-changed", lambda: blog_settings().kept_answers_seconds, size=2_000)

#: The statement, or one of its WITH clauses, writes to a table the kept answers show.
_WRITES = re.compile(
    r"\s*(?:WITH\b.*?\b)?(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"
    r"(?:blog_posts|blog_post_tags|blog_tags|blog_favorites|blog_profiles)\b",
    re.IGNORECASE | re.DOTALL,
)


@functools.lru_cache(maxsize=4096)
def _writes_shown(statement: str) -> bool:
    # Kept by text, as core.db's verdicts are: the same few statements every time.
    return _WRITES.match(statement) is not None


@event.listens_for(Engine, "before_cursor_execute")
def _noticed(
    _connection: Any, _cursor: Any, statement: str, _params: Any, _context: Any, _many: bool
) -> None:
    if _writes_shown(statement):
        session = current_session()
        if session is not None:
            KEPT.changed(session)
