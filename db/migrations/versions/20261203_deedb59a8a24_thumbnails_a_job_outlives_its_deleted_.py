"""thumbnails: a job outlives its deleted file (SET NULL) until its objects are deleted

Revision ID: deedb59a8a24
Revises: 9b9d09ff037e
Create Date: 2026-12-03 09:58:03.386617

`thumbnails_jobs.file_id` becomes nullable, its foreign key ON DELETE SET NULL instead of CASCADE
(see services.thumbnails: the orphaned job is deleted with its stored objects by the worker or
the sweep). On SQLite the table is rebuilt (batch mode); dropping the old table with foreign keys
on would cascade to `thumbnails_images`, so those rows are kept aside and put back.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = 'deedb59a8a24'
down_revision = '9b9d09ff037e'
branch_labels = None
depends_on = None

_FK = 'fk_thumbnails_jobs_file_id_uploads_files'


def _rebuild(nullable: bool, ondelete: str) -> None:
    sqlite = op.get_bind().dialect.name == 'sqlite'
    if sqlite:
        op.execute('CREATE TEMP TABLE thumbnails_images_kept AS SELECT * FROM thumbnails_images')
    with op.batch_alter_table('thumbnails_jobs', schema=None) as batch_op:
        batch_op.alter_column('file_id', existing_type=sa.Uuid(), nullable=nullable)
        batch_op.drop_constraint(_FK, type_='foreignkey')
        batch_op.create_foreign_key(
            _FK, 'uploads_files', ['file_id'], ['id'], ondelete=ondelete
        )
    if sqlite:
        op.execute(
            'INSERT INTO thumbnails_images SELECT * FROM thumbnails_images_kept AS kept '
            'WHERE NOT EXISTS (SELECT 1 FROM thumbnails_images AS i WHERE i.id = kept.id)'
        )
        op.execute('DROP TABLE thumbnails_images_kept')


def upgrade() -> None:
    _rebuild(nullable=True, ondelete='SET NULL')


def downgrade() -> None:
    # Orphaned jobs cannot stay: they go (their rows only; the sweep of this revision would have
    # deleted their objects within a minute).
    op.execute('DELETE FROM thumbnails_jobs WHERE file_id IS NULL')
    _rebuild(nullable=False, ondelete='CASCADE')
