from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.import_target_columns_item import ImportTargetColumnsItem





T = TypeVar("T", bound="ImportTarget")



@_attrs_define
class ImportTarget:
    """ 
        Attributes:
            name (str):
            operation_id (str): The create operation whose request body each row becomes, and whose rules apply.
            description (str):
            columns (list[ImportTargetColumnsItem]):
     """

    name: str
    operation_id: str
    description: str
    columns: list[ImportTargetColumnsItem]





    def to_dict(self) -> dict[str, Any]:
        from ..models.import_target_columns_item import ImportTargetColumnsItem # noqa: PLC0415
        name = self.name

        operation_id = self.operation_id

        description = self.description

        columns = []
        for columns_item_data in self.columns:
            columns_item = columns_item_data.to_dict()
            columns.append(columns_item)




        field_dict: dict[str, Any] = {}

        field_dict.update({
            "name": name,
            "operation_id": operation_id,
            "description": description,
            "columns": columns,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.import_target_columns_item import ImportTargetColumnsItem # noqa: PLC0415
        d = dict(src_dict)
        name = d.pop("name")

        operation_id = d.pop("operation_id")

        description = d.pop("description")

        columns = []
        _columns = d.pop("columns")
        for columns_item_data in (_columns):
            columns_item = ImportTargetColumnsItem.from_dict(columns_item_data)



            columns.append(columns_item)


        import_target = cls(
            name=name,
            operation_id=operation_id,
            description=description,
            columns=columns,
        )

        return import_target

