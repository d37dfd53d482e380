from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.unit_type_1 import UnitType1
from ..models.unit_type_2_type_1 import UnitType2Type1
from ..models.unit_type_3_type_1 import UnitType3Type1
from typing import cast






T = TypeVar("T", bound="Ingredient")



@_attrs_define
class Ingredient:
    """ 
        Example:
            {'quantity': 200, 'unit': 'g', 'item': 'spaghetti'}

        Attributes:
            quantity (float | None): Null for amounts that are not measured ("salt, to taste").
            unit (None | UnitType1 | UnitType2Type1 | UnitType3Type1): g, kg (mass); ml, l (metric volume); tsp, tbsp, cup
                (kitchen volume); piece (a count; null means the same); pinch, to_taste (never scaled). Scaling converts within
                a family only.
            item (str):
     """

    quantity: float | None
    unit: None | UnitType1 | UnitType2Type1 | UnitType3Type1
    item: str





    def to_dict(self) -> dict[str, Any]:
        quantity: float | None
        quantity = self.quantity

        unit: None | str
        if isinstance(self.unit, UnitType1):
            unit = self.unit.value
        elif isinstance(self.unit, UnitType2Type1):
            unit = self.unit.value
        elif isinstance(self.unit, UnitType3Type1):
            unit = self.unit.value
        else:
            unit = self.unit

        item = self.item


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "quantity": quantity,
            "unit": unit,
            "item": item,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_quantity(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        quantity = _parse_quantity(d.pop("quantity"))


        def _parse_unit(data: object) -> None | UnitType1 | UnitType2Type1 | UnitType3Type1:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_unit_type_1 = UnitType1(data)



                return componentsschemas_unit_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_unit_type_2_type_1 = UnitType2Type1(data)



                return componentsschemas_unit_type_2_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_unit_type_3_type_1 = UnitType3Type1(data)



                return componentsschemas_unit_type_3_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UnitType1 | UnitType2Type1 | UnitType3Type1, data)

        unit = _parse_unit(d.pop("unit"))


        item = d.pop("item")

        ingredient = cls(
            quantity=quantity,
            unit=unit,
            item=item,
        )

        return ingredient

