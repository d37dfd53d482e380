"""Recipes: ordered ingredient lines and steps, with cuisine and diet tags for filtering."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import JSON, Float, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from db.base import Base, Timestamped, cascading_key, new_id


class Recipe(Timestamped, Base):
    __tablename__ = "recipes_recipes"
    __table_args__ = (
        Index("ix_recipes_recipes_created", "created_at", "id"),
        Index("ix_recipes_recipes_cuisine", "cuisine"),
        Index("ix_recipes_recipes_author", "author_id"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    author_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("identity_users.id", ondelete="CASCADE")
    )
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    servings: Mapped[int]
    cuisine: Mapped[str | None] = mapped_column(String(50))
    steps: Mapped[list[Any]] = mapped_column(JSON)
    version: Mapped[int] = mapped_column(default=1)

    ingredients: Mapped[list[RecipeIngredient]] = relationship(
        order_by="RecipeIngredient.position",
        cascade="all, delete-orphan",
        lazy="selectin",
    )
    diets: Mapped[list[RecipeDiet]] = relationship(
        order_by="RecipeDiet.diet", cascade="all, delete-orphan", lazy="selectin"
    )


class RecipeIngredient(Base):
    __tablename__ = "recipes_ingredients"

    recipe_id: Mapped[uuid.UUID] = cascading_key("recipes_recipes.id")
    position: Mapped[int] = mapped_column(primary_key=True)
    quantity: Mapped[float | None] = mapped_column(Float)
    unit: Mapped[str | None] = mapped_column(String(10))
    item: Mapped[str] = mapped_column(String(200))


class RecipeDiet(Base):
    __tablename__ = "recipes_diets"
    __table_args__ = (Index("ix_recipes_diets_diet", "diet", "recipe_id"),)

    recipe_id: Mapped[uuid.UUID] = cascading_key("recipes_recipes.id")
    diet: Mapped[str] = mapped_column(String(50), primary_key=True)
