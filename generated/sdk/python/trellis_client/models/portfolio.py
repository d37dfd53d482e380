from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.contact import Contact
  from ..models.project import Project
  from ..models.skill import Skill





T = TypeVar("T", bound="Portfolio")



@_attrs_define
class Portfolio:
    """ One published version of the portfolio (version 0 is the empty one before any).

        Attributes:
            version (int):
            published_at (datetime.datetime | None):
            note (str):
            projects (list[Project]):
            skills (list[Skill]):
            contacts (list[Contact]):
     """

    version: int
    published_at: datetime.datetime | None
    note: str
    projects: list[Project]
    skills: list[Skill]
    contacts: list[Contact]





    def to_dict(self) -> dict[str, Any]:
        from ..models.contact import Contact # noqa: PLC0415
        from ..models.project import Project # noqa: PLC0415
        from ..models.skill import Skill # noqa: PLC0415
        version = self.version

        published_at: None | str
        if isinstance(self.published_at, datetime.datetime):
            published_at = self.published_at.isoformat()
        else:
            published_at = self.published_at

        note = self.note

        projects = []
        for projects_item_data in self.projects:
            projects_item = projects_item_data.to_dict()
            projects.append(projects_item)



        skills = []
        for skills_item_data in self.skills:
            skills_item = skills_item_data.to_dict()
            skills.append(skills_item)



        contacts = []
        for contacts_item_data in self.contacts:
            contacts_item = contacts_item_data.to_dict()
            contacts.append(contacts_item)




        field_dict: dict[str, Any] = {}

        field_dict.update({
            "version": version,
            "published_at": published_at,
            "note": note,
            "projects": projects,
            "skills": skills,
            "contacts": contacts,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.contact import Contact # noqa: PLC0415
        from ..models.project import Project # noqa: PLC0415
        from ..models.skill import Skill # noqa: PLC0415
        d = dict(src_dict)
        version = d.pop("version")

        def _parse_published_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                published_at_type_0 = datetime.datetime.fromisoformat(data)



                return published_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        published_at = _parse_published_at(d.pop("published_at"))


        note = d.pop("note")

        projects = []
        _projects = d.pop("projects")
        for projects_item_data in (_projects):
            projects_item = Project.from_dict(projects_item_data)



            projects.append(projects_item)


        skills = []
        _skills = d.pop("skills")
        for skills_item_data in (_skills):
            skills_item = Skill.from_dict(skills_item_data)



            skills.append(skills_item)


        contacts = []
        _contacts = d.pop("contacts")
        for contacts_item_data in (_contacts):
            contacts_item = Contact.from_dict(contacts_item_data)



            contacts.append(contacts_item)


        portfolio = cls(
            version=version,
            published_at=published_at,
            note=note,
            projects=projects,
            skills=skills,
            contacts=contacts,
        )

        return portfolio

