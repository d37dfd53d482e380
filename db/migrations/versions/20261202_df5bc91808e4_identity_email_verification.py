"""identity: email verification, one-use account tokens (reset, verify)

Accounts that exist before this migration count as verified: they were made before sign-up
asked for a proof, and IDENTITY_UNVERIFIED_ACCOUNTS must not lock them out.

Revision ID: df5bc91808e4
Revises: 5f3487d247d7
Create Date: 2026-12-02 10:38:54.967699
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import core.db

revision = "df5bc91808e4"
down_revision = "5f3487d247d7"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "identity_account_tokens",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("purpose", sa.String(length=10), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("expires_at", core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("used_at", core.db.UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["identity_users.id"],
            name=op.f("fk_identity_account_tokens_user_id_identity_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_identity_account_tokens")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_identity_account_tokens_token_hash")),
    )
    with op.batch_alter_table("identity_account_tokens", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_identity_account_tokens_user_id"), ["user_id"], unique=False
        )
    with op.batch_alter_table("identity_users", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("email_verified", sa.Boolean(), server_default=sa.false(), nullable=False)
        )
    op.execute(sa.text("UPDATE identity_users SET email_verified = :yes").bindparams(yes=True))


def downgrade() -> None:
    with op.batch_alter_table("identity_users", schema=None) as batch_op:
        batch_op.drop_column("email_verified")
    with op.batch_alter_table("identity_account_tokens", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_identity_account_tokens_user_id"))
    op.drop_table("identity_account_tokens")
