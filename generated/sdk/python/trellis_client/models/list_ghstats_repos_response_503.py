from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.field_error import FieldError





T = TypeVar("T", bound="ListGhstatsReposResponse503")



@_attrs_define
class ListGhstatsReposResponse503:
    """ 
        Attributes:
            type_ (str): A stable identifier of the kind of problem, relative to the API root. Example:
                /problems/validation.
            title (str):  Example: Request validation failed.
            status (int):  Example: 400.
            detail (str | Unset):  Example: body.title: 'title' is a required property.
            instance (str | Unset): The request path that produced the problem. Example: /api/v1/tasks.
            request_id (str | Unset): The X-Request-ID of the failed request, for support and log search. Example:
                7f1c5f0e2b0d4d0c9a3e8f1b2c3d4e5f.
            errors (list[FieldError] | Unset): The failing fields of a validation problem, at most 50; `errors_omitted`
                counts the others.
            errors_omitted (int | Unset): How many more failing fields were found than `errors` lists (absent when it lists
                them all). The server stops reading a body's arrays after 256 items, so on a very large body this is a lower
                bound. Example: 12.
            reset_at (datetime.datetime | Unset): When GitHub's rate limit resets.
     """

    type_: str
    title: str
    status: int
    detail: str | Unset = UNSET
    instance: str | Unset = UNSET
    request_id: str | Unset = UNSET
    errors: list[FieldError] | Unset = UNSET
    errors_omitted: int | Unset = UNSET
    reset_at: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.field_error import FieldError # noqa: PLC0415
        type_ = self.type_

        title = self.title

        status = self.status

        detail = self.detail

        instance = self.instance

        request_id = self.request_id

        errors: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.errors, Unset):
            errors = []
            for errors_item_data in self.errors:
                errors_item = errors_item_data.to_dict()
                errors.append(errors_item)



        errors_omitted = self.errors_omitted

        reset_at: str | Unset = UNSET
        if not isinstance(self.reset_at, Unset):
            reset_at = self.reset_at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "type": type_,
            "title": title,
            "status": status,
        })
        if detail is not UNSET:
            field_dict["detail"] = detail
        if instance is not UNSET:
            field_dict["instance"] = instance
        if request_id is not UNSET:
            field_dict["request_id"] = request_id
        if errors is not UNSET:
            field_dict["errors"] = errors
        if errors_omitted is not UNSET:
            field_dict["errors_omitted"] = errors_omitted
        if reset_at is not UNSET:
            field_dict["reset_at"] = reset_at

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.field_error import FieldError # noqa: PLC0415
        d = dict(src_dict)
        type_ = d.pop("type")

        title = d.pop("title")

        status = d.pop("status")

        detail = d.pop("detail", UNSET)

        instance = d.pop("instance", UNSET)

        request_id = d.pop("request_id", UNSET)

        _errors = d.pop("errors", UNSET)
        errors: list[FieldError] | Unset = UNSET
        if _errors is not UNSET:
            errors = []
            for errors_item_data in _errors:
                errors_item = FieldError.from_dict(errors_item_data)



                errors.append(errors_item)


        errors_omitted = d.pop("errors_omitted", UNSET)

        _reset_at = d.pop("reset_at", UNSET)
        reset_at: datetime.datetime | Unset
        if isinstance(_reset_at,  Unset):
            reset_at = UNSET
        else:
            reset_at = datetime.datetime.fromisoformat(_reset_at)




        list_ghstats_repos_response_503 = cls(
            type_=type_,
            title=title,
            status=status,
            detail=detail,
            instance=instance,
            request_id=request_id,
            errors=errors,
            errors_omitted=errors_omitted,
            reset_at=reset_at,
        )


        list_ghstats_repos_response_503.additional_properties = d
        return list_ghstats_repos_response_503

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
