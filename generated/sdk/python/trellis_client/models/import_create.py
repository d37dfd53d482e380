from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field
import json
from .. import types

from ..types import UNSET, Unset

from ..models.import_policy import ImportPolicy
from ..types import File, FileTypes
from ..types import UNSET, Unset
from io import BytesIO






T = TypeVar("T", bound="ImportCreate")



@_attrs_define
class ImportCreate:
    """ 
        Example:
            {'target': 'tasks', 'policy': 'SKIP_INVALID', 'file': 'title,notes\\nBuy milk,Two litres\\n'}

        Attributes:
            target (str): The import target's name (GET /imports/targets).
            file (File): The CSV file: a header line naming the target's columns (any order, case-insensitive), then one row
                per record. UTF-8 (with or without BOM), UTF-16 (with a BOM) or Latin-1; comma, semicolon, tab or `|` separated;
                quoted fields may hold line breaks.
            policy (ImportPolicy | Unset): SKIP_INVALID imports the valid rows and reports the others; ALL_OR_NOTHING checks
                every row first and imports nothing if one is invalid.
     """

    target: str
    file: File
    policy: ImportPolicy | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        target = self.target

        file = self.file.to_tuple()


        policy: str | Unset = UNSET
        if not isinstance(self.policy, Unset):
            policy = self.policy.value



        field_dict: dict[str, Any] = {}

        field_dict.update({
            "target": target,
            "file": file,
        })
        if policy is not UNSET:
            field_dict["policy"] = policy

        return field_dict


    def to_multipart(self) -> types.RequestFiles:
        files: types.RequestFiles = []

        files.append(("target", (None, str(self.target).encode(), "text/plain")))



        files.append(("file", self.file.to_tuple()))



        if not isinstance(self.policy, Unset):
            files.append(("policy",  (None, str(self.policy.value).encode(), "text/plain")))





        return files


    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        target = d.pop("target")

        file = File(
             payload = BytesIO(d.pop("file"))
        )




        _policy = d.pop("policy", UNSET)
        policy: ImportPolicy | Unset
        if isinstance(_policy,  Unset):
            policy = UNSET
        else:
            policy = ImportPolicy(_policy)




        import_create = cls(
            target=target,
            file=file,
            policy=policy,
        )

        return import_create

