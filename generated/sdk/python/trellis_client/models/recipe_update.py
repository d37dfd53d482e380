from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.ingredient import Ingredient





T = TypeVar("T", bound="RecipeUpdate")



@_attrs_define
class RecipeUpdate:
    """ The fields to replace; lists (ingredients, steps, diets) are replaced whole.

        Example:
            {'servings': 4}

        Attributes:
            title (str | Unset):
            description (str | Unset):
            servings (int | Unset):
            cuisine (None | str | Unset):
            diets (list[str] | Unset):
            ingredients (list[Ingredient] | Unset):
            steps (list[str] | Unset):
     """

    title: str | Unset = UNSET
    description: str | Unset = UNSET
    servings: int | Unset = UNSET
    cuisine: None | str | Unset = UNSET
    diets: list[str] | Unset = UNSET
    ingredients: list[Ingredient] | Unset = UNSET
    steps: list[str] | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.ingredient import Ingredient # noqa: PLC0415
        title = self.title

        description = self.description

        servings = self.servings

        cuisine: None | str | Unset
        if isinstance(self.cuisine, Unset):
            cuisine = UNSET
        else:
            cuisine = self.cuisine

        diets: list[str] | Unset = UNSET
        if not isinstance(self.diets, Unset):
            diets = self.diets



        ingredients: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.ingredients, Unset):
            ingredients = []
            for ingredients_item_data in self.ingredients:
                ingredients_item = ingredients_item_data.to_dict()
                ingredients.append(ingredients_item)



        steps: list[str] | Unset = UNSET
        if not isinstance(self.steps, Unset):
            steps = self.steps




        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if title is not UNSET:
            field_dict["title"] = title
        if description is not UNSET:
            field_dict["description"] = description
        if servings is not UNSET:
            field_dict["servings"] = servings
        if cuisine is not UNSET:
            field_dict["cuisine"] = cuisine
        if diets is not UNSET:
            field_dict["diets"] = diets
        if ingredients is not UNSET:
            field_dict["ingredients"] = ingredients
        if steps is not UNSET:
            field_dict["steps"] = steps

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.ingredient import Ingredient # noqa: PLC0415
        d = dict(src_dict)
        title = d.pop("title", UNSET)

        description = d.pop("description", UNSET)

        servings = d.pop("servings", UNSET)

        def _parse_cuisine(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        cuisine = _parse_cuisine(d.pop("cuisine", UNSET))


        diets = cast(list[str], d.pop("diets", UNSET))


        _ingredients = d.pop("ingredients", UNSET)
        ingredients: list[Ingredient] | Unset = UNSET
        if _ingredients is not UNSET:
            ingredients = []
            for ingredients_item_data in _ingredients:
                ingredients_item = Ingredient.from_dict(ingredients_item_data)



                ingredients.append(ingredients_item)


        steps = cast(list[str], d.pop("steps", UNSET))


        recipe_update = cls(
            title=title,
            description=description,
            servings=servings,
            cuisine=cuisine,
            diets=diets,
            ingredients=ingredients,
            steps=steps,
        )

        return recipe_update

