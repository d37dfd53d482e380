from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.contact import Contact
  from ..models.project import Project
  from ..models.skill import Skill





T = TypeVar("T", bound="PortfolioContent")



@_attrs_define
class PortfolioContent:
    """ The whole portfolio; every publication replaces it as one new version.

        Example:
            {'projects': [{'title': 'Trellis', 'summary': 'A spec-first backend platform.', 'url':
                'https://example.com/trellis', 'tags': ['python', 'openapi'], 'year': 2026}], 'skills': [{'name': 'PostgreSQL',
                'category': 'Databases', 'level': 'ADVANCED'}], 'contacts': [{'kind': 'EMAIL', 'label': 'Work', 'value':
                'ada@example.com'}], 'note': 'Added Trellis.'}

        Attributes:
            projects (list[Project]):
            skills (list[Skill]):
            contacts (list[Contact]):
            note (str | Unset): What changed, shown in the version list. Default: ''.
     """

    projects: list[Project]
    skills: list[Skill]
    contacts: list[Contact]
    note: str | Unset = ''





    def to_dict(self) -> dict[str, Any]:
        from ..models.contact import Contact # noqa: PLC0415
        from ..models.project import Project # noqa: PLC0415
        from ..models.skill import Skill # noqa: PLC0415
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



        note = self.note


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "projects": projects,
            "skills": skills,
            "contacts": contacts,
        })
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.contact import Contact # noqa: PLC0415
        from ..models.project import Project # noqa: PLC0415
        from ..models.skill import Skill # noqa: PLC0415
        d = dict(src_dict)
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


        note = d.pop("note", UNSET)

        portfolio_content = cls(
            projects=projects,
            skills=skills,
            contacts=contacts,
            note=note,
        )

        return portfolio_content

