"""Declarative base: one metadata, a constraint naming convention Alembic can rely on, and the
mixins several domains' models share (timestamps, tag rows)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, ClassVar

from sqlalchemy import ForeignKey, Index, MetaData, String
from sqlalchemy.orm import (
    DeclarativeBase,
    Mapped,
    MappedColumn,
    Relationship,
    declared_attr,
    mapped_column,
    relationship,
)

from core.db import UTCDateTime, utcnow

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {datetime: UTCDateTime()}


def new_id() -> uuid.UUID:
    return uuid.uuid4()


class Timestamped:
    """created_at / updated_at kept by the ORM (UTC, timezone-aware)."""

    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class TagRow:
    """One tag of a parent row (a blog post, a notes page). The key is (parent, tag); an index on
    (tag, parent) serves "everything tagged X". A subclass declares its parent key column and
    names it in `parent_key` (a `cascading_key`); the parent holds its tags with `tag_list`."""

    __tablename__: str
    parent_key: ClassVar[str]
    tag: Mapped[str] = mapped_column(String(50), primary_key=True)

    @declared_attr.directive
    @classmethod
    def __table_args__(cls) -> tuple[Index]:
        return (Index(f"ix_{cls.__tablename__}_tag", "tag", cls.parent_key),)


def cascading_key(target: str) -> MappedColumn[Any]:
    """A primary-key column referencing `target` (`"table.column"`): the row goes with the one it
    references (the tags of a post, the favorites of a profile)."""
    return mapped_column(ForeignKey(target, ondelete="CASCADE"), primary_key=True)


def tag_list(tag_model: str) -> Relationship[Any]:
    """A parent's tags in order, loaded with it, replaced whole (dropped tags are deleted)."""
    return relationship(order_by=f"{tag_model}.tag", cascade="all, delete-orphan", lazy="selectin")
