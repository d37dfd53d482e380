from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="ImportRowError")



@_attrs_define
class ImportRowError:
    """ What is wrong with one row of an imported file.

        Attributes:
            line (int): The file line the row starts on (the header is line 1).
            column (None | str): The column at fault (the target's name for it); null for the row as a whole.
            message (str): What is wrong.
     """

    line: int
    column: None | str
    message: str





    def to_dict(self) -> dict[str, Any]:
        line = self.line

        column: None | str
        column = self.column

        message = self.message


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "line": line,
            "column": column,
            "message": message,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        line = d.pop("line")

        def _parse_column(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        column = _parse_column(d.pop("column"))


        message = d.pop("message")

        import_row_error = cls(
            line=line,
            column=column,
            message=message,
        )

        return import_row_error

