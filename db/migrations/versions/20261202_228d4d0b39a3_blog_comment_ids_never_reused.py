"""blog_comment_ids_never_reused

Revision ID: 228d4d0b39a3
Revises: 8b9f838a1331
Create Date: 2026-12-02 00:02:51.980948
"""

from __future__ import annotations

from alembic import op


revision = '228d4d0b39a3'
down_revision = '8b9f838a1331'
branch_labels = None
depends_on = None


def _rebuild_comments(*, autoincrement: bool) -> None:
    # SQLite hands a deleted row's id out again unless the table says AUTOINCREMENT, which only a
    # rebuild can add; PostgreSQL's sequence never reuses ids, so it has nothing to change.
    if op.get_bind().dialect.name != "sqlite":
        return
    with op.batch_alter_table(
        "blog_comments", recreate="always", table_kwargs={"sqlite_autoincrement": autoincrement}
    ):
        pass


def upgrade() -> None:
    _rebuild_comments(autoincrement=True)


def downgrade() -> None:
    _rebuild_comments(autoincrement=False)
