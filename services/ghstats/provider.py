"""The GitHub REST API (GHSTATS_BASE_URL), called through core.outbound (timeouts, size cap,
retries, SSRF guard on every hop).

    GET <base>/users/octocat                          the profile (404: no such user)
    GET <base>/users/octocat/repos?per_page=100&...   one page of public repositories; the next
                                                      one is named by `Link: <...>; rel="next"`

Every call is conditional when a previous answer's ETag is known (`If-None-Match`; a 304 is
answered from the stored page and does not count against GitHub's rate limit), carries the
token as `Authorization: Bearer` when GHSTATS_TOKEN is set, and reports the rate-limit headers
(`X-RateLimit-Remaining`, `X-RateLimit-Reset`). A 403 or 429 whose remaining count is 0, or that
carries `Retry-After` (GitHub's secondary limits), is `RateLimited` with the time calls may
resume. Answers are reduced to the fields the stats use at once, so nothing else of them is
stored; an answer not in GitHub's shape is the provider's failure (502).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from core import outbound
from core.db import utcnow
from core.errors import NotFound, RuleViolated, UpstreamUnavailable
from services.ghstats.settings import ghstats_settings

#: A page of 100 repositories in GitHub's shape is about 600 kB.
MAX_ANSWER_BYTES = 4_000_000
#: GitHub's username rules: 1-39 letters, digits and single hyphens, no hyphen at either end.
USERNAME = re.compile(r"[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*")
USERNAME_MAX = 39
#: A page path stored as a key (`/user/583231/repos?per_page=100&page=2`) is at most this long.
MAX_PATH = 300
_LINK = re.compile(r'<([^>]*)>\s*;\s*rel="?next"?')


class InvalidUsername(
    RuleViolated, type="/problems/ghstats/invalid-username", title="Not a GitHub username"
):
    """The name breaks GitHub's username rules, so no such user can exist."""


class UserNotFound(
    NotFound, type="/problems/ghstats/user-not-found", title="GitHub user not found"
):
    """GitHub has no user of that name."""


class RateLimited(
    UpstreamUnavailable,
    status=503,
    type="/problems/ghstats/rate-limited",
    title="GitHub rate limit reached",
):
    """GitHub's rate limit is spent until `reset_at`: no call is made before then."""

    def __init__(self, reset_at: datetime) -> None:
        wait = max(1, int((reset_at - utcnow()).total_seconds() + 0.999))
        super().__init__(
            f"GitHub's rate limit is spent; calls resume at {reset_at.isoformat()}",
            headers={"Retry-After": str(wait)},
            reset_at=reset_at.isoformat(),
        )
        self.reset_at = reset_at


def check_username(username: str) -> None:
    """Raises InvalidUsername unless `username` follows GitHub's rules."""
    if len(username) > USERNAME_MAX or USERNAME.fullmatch(username) is None:
        raise InvalidUsername(
            "a GitHub username is 1 to 39 letters, digits and single hyphens, "
            "neither starting nor ending with a hyphen"
        )


@dataclass(frozen=True)
class Quota:
    """What an answer said of the rate limit (None where it did not say)."""

    remaining: int | None
    reset_at: datetime | None


@dataclass(frozen=True)
class Page:
    """One answer: the reduced data, or `not_modified` when the stored page still holds."""

    not_modified: bool
    data: Any
    etag: str | None
    next_path: str | None
    quota: Quota


def get(path: str, *, etag: str | None, kind: str) -> Page:
    """GETs `path` (below GHSTATS_BASE_URL); `kind` is `user` or `repos` (how to reduce it).
    UserNotFound, RateLimited (after recording nothing: the caller records the quota),
    UpstreamUnavailable or UpstreamTimeout otherwise. No database access."""
    settings = ghstats_settings()
    headers = {"Accept": "application/vnd.github+json", "X-GitHub-Api-Version": "2022-11-28"}
    if settings.token:
        headers["Authorization"] = f"Bearer {settings.token}"
    if etag:
        headers["If-None-Match"] = etag
    fetched = outbound.fetch(settings.base_url + path, headers=headers, max_bytes=MAX_ANSWER_BYTES)
    quota = _quota(fetched.headers)
    if fetched.status in (403, 429) and (quota.remaining == 0 or "retry-after" in fetched.headers):
        raise RateLimited(_resume_at(fetched.headers, quota))
    if fetched.status == 304 and etag:
        return Page(True, None, etag, None, quota)
    if fetched.status == 404 and kind == "user":
        raise UserNotFound(f"GitHub has no user named {path.rsplit('/', 1)[-1]}")
    if fetched.status != 200:
        raise UpstreamUnavailable(f"GitHub answered {fetched.status}")
    try:
        answer = json.loads(fetched.body)
        data = _user(answer) if kind == "user" else [_repo(repo) for repo in answer]
    except (ValueError, TypeError, KeyError, UnicodeDecodeError) as exc:
        raise UpstreamUnavailable("GitHub's answer is not in the shape of its REST API") from exc
    next_path = _next_path(fetched.headers.get("link", ""), settings.base_url)
    return Page(False, data, fetched.headers.get("etag"), next_path, quota)


def _quota(headers: Any) -> Quota:
    remaining = headers.get("x-ratelimit-remaining", "")
    reset = headers.get("x-ratelimit-reset", "")
    return Quota(
        remaining=int(remaining) if remaining.isdigit() else None,
        reset_at=datetime.fromtimestamp(int(reset), UTC) if reset.isdigit() else None,
    )


def _resume_at(headers: Any, quota: Quota) -> datetime:
    retry_after = headers.get("retry-after", "")
    if retry_after.isdigit():
        return utcnow() + timedelta(seconds=int(retry_after))
    if quota.reset_at is not None:
        return quota.reset_at
    return utcnow() + timedelta(seconds=60)  # GitHub's advice when it names no time


def _next_path(link: str, base_url: str) -> str | None:
    """The path of Link's rel="next" below `base_url`; a link elsewhere is refused (502)."""
    found = _LINK.search(link)
    if found is None:
        return None
    url = found.group(1)
    if not url.startswith(base_url + "/") or len(url) - len(base_url) > MAX_PATH:
        raise UpstreamUnavailable("GitHub's next-page link leaves its API")
    return url[len(base_url) :]


def _text(value: Any) -> str | None:
    if value is None or isinstance(value, str):
        return value
    raise TypeError(f"not a string: {value!r}")


def _count(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise TypeError(f"not a count: {value!r}")
    return value


def _user(answer: dict[str, Any]) -> dict[str, Any]:
    login = answer["login"]
    if not isinstance(login, str):
        raise TypeError("no login")
    return {
        "login": login,
        "name": _text(answer.get("name")),
        "bio": _text(answer.get("bio")),
        "company": _text(answer.get("company")),
        "location": _text(answer.get("location")),
        "blog": _text(answer.get("blog")) or None,
        "avatar_url": _text(answer.get("avatar_url")),
        "html_url": _text(answer["html_url"]),
        "public_repos": _count(answer["public_repos"]),
        "followers": _count(answer["followers"]),
        "following": _count(answer["following"]),
        "created_at": datetime.fromisoformat(answer["created_at"]).isoformat(),
    }


def _repo(answer: dict[str, Any]) -> dict[str, Any]:
    return {
        "name": str(_text(answer["name"])),
        "full_name": _text(answer["full_name"]),
        "description": _text(answer.get("description")),
        "html_url": _text(answer["html_url"]),
        "language": _text(answer.get("language")),
        "stars": _count(answer["stargazers_count"]),
        "forks": _count(answer["forks_count"]),
        "fork": bool(answer.get("fork", False)),
    }
