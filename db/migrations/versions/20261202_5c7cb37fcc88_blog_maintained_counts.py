"""blog_maintained_counts: published posts per author and per tag, kept beside the rows

Revision ID: 5c7cb37fcc88
Revises: f2ce6fbdfead
Create Date: 2026-12-02 11:10:25.328104
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '5c7cb37fcc88'
down_revision = 'f2ce6fbdfead'
branch_labels = None
depends_on = None

# The counts the services keep from now on, computed once from the rows already there.
_AUTHOR_COUNTS = """
UPDATE blog_profiles SET posts_count = (
    SELECT count(*) FROM blog_posts
    WHERE blog_posts.author_id = blog_profiles.user_id AND blog_posts.status = 'PUBLISHED'
)
"""
_TAG_COUNTS = """
INSERT INTO blog_tags (tag, posts_count)
SELECT t.tag, count(*) FROM blog_post_tags AS t
JOIN blog_posts AS p ON p.id = t.post_id
WHERE p.status = 'PUBLISHED'
GROUP BY t.tag
"""


def upgrade() -> None:
    op.create_table('blog_tags',
    sa.Column('tag', sa.String(length=50), nullable=False),
    sa.Column('posts_count', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('tag', name=op.f('pk_blog_tags'))
    )
    if op.get_bind().dialect.name == "postgresql":
        # The tag list's order, most used first and ties by name (PostgreSQL only: see the model).
        op.execute("CREATE INDEX pgix_blog_tags_popular ON blog_tags (posts_count DESC, tag)")

    with op.batch_alter_table('blog_posts', schema=None) as batch_op:
        batch_op.create_index('ix_blog_posts_status_created', ['status', 'created_at', 'id'], unique=False)

    with op.batch_alter_table('blog_profiles', schema=None) as batch_op:
        batch_op.add_column(sa.Column('posts_count', sa.Integer(), server_default='0', nullable=False))
        batch_op.create_check_constraint('posts_count_not_negative', 'posts_count >= 0')

    op.execute(_AUTHOR_COUNTS)
    op.execute(_TAG_COUNTS)


def downgrade() -> None:
    with op.batch_alter_table('blog_profiles', schema=None) as batch_op:
        batch_op.drop_constraint('posts_count_not_negative', type_='check')
        batch_op.drop_column('posts_count')

    with op.batch_alter_table('blog_posts', schema=None) as batch_op:
        batch_op.drop_index('ix_blog_posts_status_created')

    op.execute("DROP INDEX IF EXISTS pgix_blog_tags_popular")
    op.drop_table('blog_tags')
