from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.ingredient_line import IngredientLine





T = TypeVar("T", bound="Recipe")



@_attrs_define
class Recipe:
    """ 
        Attributes:
            id (UUID):
            author_id (UUID):
            title (str):
            description (str):
            servings (int): The servings the quantities are for (the requested `servings` when scaled).
            cuisine (None | str):
            diets (list[str]):
            ingredients (list[IngredientLine]):
            steps (list[str]):
            created_at (datetime.datetime):
            updated_at (datetime.datetime):
     """

    id: UUID
    author_id: UUID
    title: str
    description: str
    servings: int
    cuisine: None | str
    diets: list[str]
    ingredients: list[IngredientLine]
    steps: list[str]
    created_at: datetime.datetime
    updated_at: datetime.datetime





    def to_dict(self) -> dict[str, Any]:
        from ..models.ingredient_line import IngredientLine # noqa: PLC0415
        id = str(self.id)

        author_id = str(self.author_id)

        title = self.title

        description = self.description

        servings = self.servings

        cuisine: None | str
        cuisine = self.cuisine

        diets = self.diets



        ingredients = []
        for ingredients_item_data in self.ingredients:
            ingredients_item = ingredients_item_data.to_dict()
            ingredients.append(ingredients_item)



        steps = self.steps



        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "id": id,
            "author_id": author_id,
            "title": title,
            "description": description,
            "servings": servings,
            "cuisine": cuisine,
            "diets": diets,
            "ingredients": ingredients,
            "steps": steps,
            "created_at": created_at,
            "updated_at": updated_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.ingredient_line import IngredientLine # noqa: PLC0415
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        author_id = UUID(d.pop("author_id"))




        title = d.pop("title")

        description = d.pop("description")

        servings = d.pop("servings")

        def _parse_cuisine(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        cuisine = _parse_cuisine(d.pop("cuisine"))


        diets = cast(list[str], d.pop("diets"))


        ingredients = []
        _ingredients = d.pop("ingredients")
        for ingredients_item_data in (_ingredients):
            ingredients_item = IngredientLine.from_dict(ingredients_item_data)



            ingredients.append(ingredients_item)


        steps = cast(list[str], d.pop("steps"))


        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        recipe = cls(
            id=id,
            author_id=author_id,
            title=title,
            description=description,
            servings=servings,
            cuisine=cuisine,
            diets=diets,
            ingredients=ingredients,
            steps=steps,
            created_at=created_at,
            updated_at=updated_at,
        )

        return recipe

