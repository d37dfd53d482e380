"""blog: drafts by author

Revision ID: 5b7e2d9c4a10
Revises: 1668f0d559e1
Create Date: 2026-12-04 21:35:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '5b7e2d9c4a10'
down_revision = '1668f0d559e1'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Whether a reader has drafts, on one probe whatever the reader's published posts.
    with op.batch_alter_table('blog_posts', schema=None) as batch_op:
        batch_op.create_index(
            'ix_blog_posts_author_drafts',
            ['author_id'],
            unique=False,
            postgresql_where=sa.text("status = 'DRAFT'"),
            sqlite_where=sa.text("status = 'DRAFT'"),
        )


def downgrade() -> None:
    with op.batch_alter_table('blog_posts', schema=None) as batch_op:
        batch_op.drop_index('ix_blog_posts_author_drafts')
