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





T = TypeVar("T", bound="RecipeCreate")



@_attrs_define
class RecipeCreate:
    """ 
        Example:
            {'title': 'Spaghetti aglio e olio', 'servings': 2, 'cuisine': 'italian', 'diets': ['vegetarian', 'vegan'],
                'ingredients': [{'quantity': 200, 'unit': 'g', 'item': 'spaghetti'}, {'quantity': 4, 'unit': 'piece', 'item':
                'garlic cloves'}, {'quantity': 3, 'unit': 'tbsp', 'item': 'olive oil'}, {'quantity': None, 'unit': 'pinch',
                'item': 'chili flakes'}], 'steps': ['Boil the spaghetti in salted water.', 'Fry sliced garlic in the oil until
                golden, add the chili, toss with the pasta.']}

        Attributes:
            title (str):
            servings (int):
            ingredients (list[Ingredient]): In the order they are used.
            steps (list[str]):
            description (str | Unset):  Default: ''.
            cuisine (None | str | Unset): Compared case-insensitively; stored lower-case.
            diets (list[str] | Unset): Diet tags such as vegetarian, vegan, gluten-free; stored lower-case.
     """

    title: str
    servings: int
    ingredients: list[Ingredient]
    steps: list[str]
    description: str | Unset = ''
    cuisine: None | str | Unset = UNSET
    diets: list[str] | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.ingredient import Ingredient # noqa: PLC0415
        title = self.title

        servings = self.servings

        ingredients = []
        for ingredients_item_data in self.ingredients:
            ingredients_item = ingredients_item_data.to_dict()
            ingredients.append(ingredients_item)



        steps = self.steps



        description = self.description

        cuisine: None | str | Unset
        if isinstance(self.cuisine, Unset):
            cuisine = UNSET
        else:
            cuisine = self.cuisine

        diets: list[str] | Unset = UNSET
        if not isinstance(self.diets, Unset):
            diets = self.diets




        field_dict: dict[str, Any] = {}

        field_dict.update({
            "title": title,
            "servings": servings,
            "ingredients": ingredients,
            "steps": steps,
        })
        if description is not UNSET:
            field_dict["description"] = description
        if cuisine is not UNSET:
            field_dict["cuisine"] = cuisine
        if diets is not UNSET:
            field_dict["diets"] = diets

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.ingredient import Ingredient # noqa: PLC0415
        d = dict(src_dict)
        title = d.pop("title")

        servings = d.pop("servings")

        ingredients = []
        _ingredients = d.pop("ingredients")
        for ingredients_item_data in (_ingredients):
            ingredients_item = Ingredient.from_dict(ingredients_item_data)



            ingredients.append(ingredients_item)


        steps = cast(list[str], d.pop("steps"))


        description = d.pop("description", UNSET)

        def _parse_cuisine(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        cuisine = _parse_cuisine(d.pop("cuisine", UNSET))


        diets = cast(list[str], d.pop("diets", UNSET))


        recipe_create = cls(
            title=title,
            servings=servings,
            ingredients=ingredients,
            steps=steps,
            description=description,
            cuisine=cuisine,
            diets=diets,
        )

        return recipe_create

