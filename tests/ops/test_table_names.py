"""Table names carry their domain slug; the migration that renamed the old ones kept every row."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from alembic import command
from sqlalchemy import JSON, Connection, Uuid, column, inspect, select, table
from sqlalchemy.orm import Session

import db.models
from core.db import UTCDateTime, make_engine
from core.migrations import alembic_config, upgrade
from core.security import Actor
from db.base import Base
from services import recipes, tasks, tickets

BEFORE, RENAMED = "228d4d0b39a3", "beafd8b18e9d"
OLD_TO_NEW = {
    "tasks": "tasks_tasks",
    "tickets": "tickets_tickets",
    "ticket_activities": "tickets_activities",
    "ticket_comments": "tickets_comments",
    "recipes": "recipes_recipes",
    "recipe_ingredients": "recipes_ingredients",
    "recipe_diets": "recipes_diets",
}


def test_every_table_name_starts_with_the_slug_of_its_model_module():
    for mapper in Base.registry.mappers:
        slug = mapper.class_.__module__.removeprefix(f"{db.models.__name__}.")
        for mapped_table in mapper.tables:
            assert mapped_table.name.startswith(f"{slug}_"), (slug, mapped_table.name)


def _rows() -> dict[str, list[dict[str, Any]]]:
    """A user and rows in each renamed table (by its old name), parents first."""
    at = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)
    user, task, ticket, recipe = (uuid.uuid4() for _ in range(4))
    stamps = {"created_at": at, "updated_at": at}
    return {
        "identity_users": [
            {
                "id": user,
                "email": "a@example.com",
                "email_key": "a@example.com",
                "display_name": "Ann",
                "role": "USER",
                "is_disabled": False,
                **stamps,
            },
        ],
        "tasks": [
            {
                "id": task,
                "owner_id": user,
                "title": "Kept",
                "notes": "é ✓",
                "status": "DONE",
                "due_at": at,
                "completed_at": at,
                "version": 3,
                **stamps,
            },
        ],
        "tickets": [
            {
                "id": ticket,
                "title": "Printer",
                "description": "",
                "state": "OPEN",
                "priority": "HIGH",
                "reporter_id": user,
                "assignee_id": user,
                "closed_at": None,
                "version": 2,
                "activity_count": 2,
                **stamps,
            },
        ],
        "ticket_activities": [
            {
                "id": uuid.uuid4(),
                "ticket_id": ticket,
                "seq": seq,
                "kind": kind,
                "actor_id": user,
                "from_value": None,
                "to_value": value,
                "created_at": at,
            }
            for seq, kind, value in ((1, "CREATED", "OPEN"), (2, "REASSIGNED", str(user)))
        ],
        "ticket_comments": [
            {
                "id": uuid.uuid4(),
                "ticket_id": ticket,
                "author_id": user,
                "body": "On it.",
                "created_at": at,
            },
        ],
        "recipes": [
            {
                "id": recipe,
                "author_id": user,
                "title": "Soup",
                "description": "",
                "servings": 4,
                "cuisine": "thai",
                "steps": ["Boil.", "Serve."],
                "version": 1,
                **stamps,
            },
        ],
        "recipe_ingredients": [
            {"recipe_id": recipe, "position": 0, "quantity": 1.5, "unit": "l", "item": "water"},
            {"recipe_id": recipe, "position": 1, "quantity": None, "unit": None, "item": "salt"},
        ],
        "recipe_diets": [{"recipe_id": recipe, "diet": "vegan"}],
    }


def _table(name: str, sample: dict[str, Any]) -> Any:
    def type_of(value: Any) -> Any:
        kinds = {uuid.UUID: Uuid(), datetime: UTCDateTime(), list: JSON()}
        return kinds.get(type(value))

    return table(name, *(column(key, type_of(value)) for key, value in sample.items()))


def _read(connection: Connection, name: str, sample: dict[str, Any]) -> list[dict[str, Any]]:
    """The table's rows (in a fixed order) as dicts of the sample's columns."""
    rows = [dict(row) for row in connection.execute(select(_table(name, sample))).mappings()]
    return _sorted(rows)


def _sorted(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted(rows, key=lambda row: [str(value) for value in row.values()])


def test_renaming_migration_keeps_rows_and_links_both_ways(target_url):
    rows = _rows()
    engine = make_engine(target_url)
    try:
        upgrade(target_url, BEFORE)
        with engine.begin() as connection:
            for name, values in rows.items():
                connection.execute(_table(name, values[0]).insert(), values)

        upgrade(target_url, RENAMED)
        with engine.connect() as connection:
            present = set(inspect(connection).get_table_names())
            assert set(OLD_TO_NEW.values()) <= present
            assert not set(OLD_TO_NEW) & present
            for old, values in rows.items():
                assert _read(connection, OLD_TO_NEW.get(old, old), values[0]) == _sorted(values)
        # The application reads the old rows through the renamed tables.
        actor = Actor(user_id=rows["identity_users"][0]["id"], role="USER")
        ticket_id = rows["tickets"][0]["id"]
        with Session(engine) as session:
            assert tasks.get_task(session, actor, task_id=rows["tasks"][0]["id"]).title == "Kept"
            activity = tickets.list_activity(session, ticket_id=ticket_id, limit=10, cursor=None)
            assert [entry.kind for entry in activity.items] == ["CREATED", "REASSIGNED"]
            recipe = recipes.get_recipe(session, recipe_id=rows["recipes"][0]["id"])
            assert [line.item for line in recipe.ingredients] == ["water", "salt"]
            assert [diet.diet for diet in recipe.diets] == ["vegan"]

        command.downgrade(alembic_config(target_url), BEFORE)
        with engine.connect() as connection:
            present = set(inspect(connection).get_table_names())
            assert not set(OLD_TO_NEW.values()) & present
            for name, values in rows.items():
                assert _read(connection, name, values[0]) == _sorted(values)

        # Up again, then the children's foreign keys must follow their renamed parents.
        upgrade(target_url, RENAMED)
        with Session(engine) as session, session.begin():
            session.delete(tickets.get_ticket(session, ticket_id=ticket_id))
        with engine.connect() as connection:
            assert _read(connection, "tickets_activities", rows["ticket_activities"][0]) == []
            assert _read(connection, "tickets_comments", rows["ticket_comments"][0]) == []
    finally:
        engine.dispose()
