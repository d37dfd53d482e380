"""Shortlinks fixtures: the example link id is replaced by a link created through the API, the
example alias by a fresh one (an alias is taken once), and the example code of a redirect by the
code of a link made for it (Dredd never follows a redirect, so its target is not contacted)."""

from __future__ import annotations

import uuid

import dredd_hooks as hooks

from contracts.dredd.support import api, body_of, replace_path, run, set_body, use_a_created_row

EXAMPLE_ID = "4c1e9a7b-2d3f-4e5a-8b6c-7d8e9f0a1b2c"
EXAMPLE_CODE = "k3Xb9Qz"


@hooks.before("/shortlinks/links > Shorten a URL > 201 > application/json")
def fresh_alias(transaction):
    set_body(transaction, {**body_of(transaction), "alias": f"dredd-{uuid.uuid4().hex[:12]}"})


def _follow_a_real_link(transaction, redirect_status: int) -> None:
    made = api(
        "POST",
        "/shortlinks/links",
        json={"target_url": "https://example.org/dredd", "redirect_status": redirect_status},
    )
    replace_path(transaction, EXAMPLE_CODE, made.json()["code"])
    transaction["request"]["headers"].pop("Authorization", None)
    run(transaction)


@hooks.before("/s/{code} > Follow a short link > 301")
def permanent_redirect(transaction):
    _follow_a_real_link(transaction, 301)


@hooks.before("/s/{code} > Follow a short link > 302")
def redirect(transaction):
    _follow_a_real_link(transaction, 302)


@hooks.before_each
def real_link(transaction):
    use_a_created_row(
        transaction, EXAMPLE_ID, "/shortlinks/links", {"target_url": "https://example.org/dredd"}
    )
