"""tasks, tickets and recipes table names carry the slug

Revision ID: beafd8b18e9d
Revises: 228d4d0b39a3
Create Date: 2026-12-02 06:23:01.208049

Every table name starts with its domain slug (`tickets_comments`), and index and constraint names
follow the table's. The rows stay:

- PostgreSQL renames in place: tables, indexes and constraints (foreign keys follow a renamed
  table by themselves), no row is copied.
- SQLite cannot rename a constraint, and rebuilding a table that others reference is unsafe here
  (with foreign keys on, which a transaction cannot switch off, dropping the old parent would
  cascade into its children). So each table is created under its new name, parents first, filled
  with `INSERT ... SELECT`, and the old tables are dropped children first, when nothing references
  them any more.

The downgrade runs the same steps from the new names back to the old ones.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import core.db


revision = 'beafd8b18e9d'
down_revision = '228d4d0b39a3'
branch_labels = None
depends_on = None

OLD = {
    "tasks": "tasks",
    "tickets": "tickets",
    "activities": "ticket_activities",
    "comments": "ticket_comments",
    "recipes": "recipes",
    "ingredients": "recipe_ingredients",
    "diets": "recipe_diets",
}
NEW = {
    "tasks": "tasks_tasks",
    "tickets": "tickets_tickets",
    "activities": "tickets_activities",
    "comments": "tickets_comments",
    "recipes": "recipes_recipes",
    "ingredients": "recipes_ingredients",
    "diets": "recipes_diets",
}
#: Parents before children; the same order under either set of names.
ORDER = ("tasks", "tickets", "activities", "comments", "recipes", "diets", "ingredients")


def _time(name: str, nullable: bool = False) -> sa.Column:
    return sa.Column(name, core.db.UTCDateTime(timezone=True), nullable=nullable)


def _fk(table: str, column: str, target: str, ondelete: str) -> sa.ForeignKeyConstraint:
    referred = target.split(".")[0]
    return sa.ForeignKeyConstraint(
        [column], [target], name=f"fk_{table}_{column}_{referred}", ondelete=ondelete
    )


def _schema(names: dict[str, str]) -> list[sa.Table]:
    """The seven tables as they stand under `names`, parents before children."""
    meta = sa.MetaData()
    sa.Table("identity_users", meta, sa.Column("id", sa.Uuid(), primary_key=True))
    t = names
    sa.Table(
        t["tasks"], meta,
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("owner_id", sa.Uuid(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        _time("due_at", nullable=True),
        _time("completed_at", nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        _time("created_at"),
        _time("updated_at"),
        _fk(t["tasks"], "owner_id", "identity_users.id", "CASCADE"),
        sa.PrimaryKeyConstraint("id", name=f"pk_{t['tasks']}"),
        sa.Index(f"ix_{t['tasks']}_owner_created", "owner_id", "created_at", "id"),
        sa.Index(f"ix_{t['tasks']}_owner_due", "owner_id", "due_at", "id"),
    )
    tickets = sa.Table(
        t["tickets"], meta,
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("state", sa.String(length=12), nullable=False),
        sa.Column("priority", sa.String(length=8), nullable=False),
        sa.Column("reporter_id", sa.Uuid(), nullable=False),
        sa.Column("assignee_id", sa.Uuid(), nullable=True),
        _time("closed_at", nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("activity_count", sa.Integer(), nullable=False),
        _time("created_at"),
        _time("updated_at"),
        _fk(t["tickets"], "assignee_id", "identity_users.id", "SET NULL"),
        _fk(t["tickets"], "reporter_id", "identity_users.id", "CASCADE"),
        sa.PrimaryKeyConstraint("id", name=f"pk_{t['tickets']}"),
        sa.Index(f"ix_{t['tickets']}_assignee_state", "assignee_id", "state"),
        sa.Index(f"ix_{t['tickets']}_created", "created_at", "id"),
        sa.Index(f"ix_{t['tickets']}_reporter", "reporter_id"),
    )
    sa.Table(
        t["activities"], meta,
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("ticket_id", sa.Uuid(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("actor_id", sa.Uuid(), nullable=False),
        sa.Column("from_value", sa.String(length=64), nullable=True),
        sa.Column("to_value", sa.String(length=64), nullable=True),
        _time("created_at"),
        _fk(t["activities"], "actor_id", "identity_users.id", "CASCADE"),
        _fk(t["activities"], "ticket_id", f"{tickets.name}.id", "CASCADE"),
        sa.PrimaryKeyConstraint("id", name=f"pk_{t['activities']}"),
        sa.UniqueConstraint("ticket_id", "seq", name=f"uq_{t['activities']}_ticket_id_seq"),
    )
    sa.Table(
        t["comments"], meta,
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("ticket_id", sa.Uuid(), nullable=False),
        sa.Column("author_id", sa.Uuid(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        _time("created_at"),
        _fk(t["comments"], "author_id", "identity_users.id", "CASCADE"),
        _fk(t["comments"], "ticket_id", f"{tickets.name}.id", "CASCADE"),
        sa.PrimaryKeyConstraint("id", name=f"pk_{t['comments']}"),
        sa.Index(f"ix_{t['comments']}_thread", "ticket_id", "created_at", "id"),
    )
    recipes = sa.Table(
        t["recipes"], meta,
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("author_id", sa.Uuid(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("servings", sa.Integer(), nullable=False),
        sa.Column("cuisine", sa.String(length=50), nullable=True),
        sa.Column("steps", sa.JSON(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        _time("created_at"),
        _time("updated_at"),
        _fk(t["recipes"], "author_id", "identity_users.id", "CASCADE"),
        sa.PrimaryKeyConstraint("id", name=f"pk_{t['recipes']}"),
        sa.Index(f"ix_{t['recipes']}_author", "author_id"),
        sa.Index(f"ix_{t['recipes']}_created", "created_at", "id"),
        sa.Index(f"ix_{t['recipes']}_cuisine", "cuisine"),
    )
    sa.Table(
        t["diets"], meta,
        sa.Column("recipe_id", sa.Uuid(), nullable=False),
        sa.Column("diet", sa.String(length=50), nullable=False),
        _fk(t["diets"], "recipe_id", f"{recipes.name}.id", "CASCADE"),
        sa.PrimaryKeyConstraint("recipe_id", "diet", name=f"pk_{t['diets']}"),
        sa.Index(f"ix_{t['diets']}_diet", "diet", "recipe_id"),
    )
    sa.Table(
        t["ingredients"], meta,
        sa.Column("recipe_id", sa.Uuid(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("quantity", sa.Float(), nullable=True),
        sa.Column("unit", sa.String(length=10), nullable=True),
        sa.Column("item", sa.String(length=200), nullable=False),
        _fk(t["ingredients"], "recipe_id", f"{recipes.name}.id", "CASCADE"),
        sa.PrimaryKeyConstraint("recipe_id", "position", name=f"pk_{t['ingredients']}"),
    )
    return [meta.tables[t[key]] for key in ORDER]


def _constraint_names(table: sa.Table) -> list[str]:
    """Names of the table's constraints in an order that does not depend on the table's name."""
    def position(constraint: sa.Constraint) -> tuple[str, str]:
        columns = ",".join(column.name for column in constraint.columns)
        return (type(constraint).__name__, columns)

    return [str(c.name) for c in sorted(table.constraints, key=position)]


def _index_names(table: sa.Table) -> list[str]:
    return [str(index.name) for index in sorted(table.indexes, key=lambda i: str(i.name))]


def _rename(source: dict[str, str], target: dict[str, str]) -> None:
    before, after = _schema(source), _schema(target)
    if op.get_bind().dialect.name == "postgresql":
        _rename_in_place(before, after)
    else:
        _copy(before, after)


def _rename_in_place(before: list[sa.Table], after: list[sa.Table]) -> None:
    for old, new in zip(before, after, strict=True):
        op.rename_table(old.name, new.name)
        for old_name, new_name in zip(_constraint_names(old), _constraint_names(new), strict=True):
            op.execute(f'ALTER TABLE {new.name} RENAME CONSTRAINT "{old_name}" TO "{new_name}"')
        for old_name, new_name in zip(_index_names(old), _index_names(new), strict=True):
            op.execute(f'ALTER INDEX "{old_name}" RENAME TO "{new_name}"')


def _copy(before: list[sa.Table], after: list[sa.Table]) -> None:
    bind = op.get_bind()
    for old, new in zip(before, after, strict=True):
        new.create(bind)
        columns = ", ".join(column.name for column in new.columns)
        op.execute(f"INSERT INTO {new.name} ({columns}) SELECT {columns} FROM {old.name}")
    for old in reversed(before):
        op.drop_table(old.name)


def upgrade() -> None:
    _rename(OLD, NEW)


def downgrade() -> None:
    _rename(NEW, OLD)
