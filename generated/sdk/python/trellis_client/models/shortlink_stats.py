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
  from ..models.shortlink_stats_agents_item import ShortlinkStatsAgentsItem
  from ..models.shortlink_stats_days_item import ShortlinkStatsDaysItem
  from ..models.shortlink_stats_referrers_item import ShortlinkStatsReferrersItem





T = TypeVar("T", bound="ShortlinkStats")



@_attrs_define
class ShortlinkStats:
    """ 
        Example:
            {'link_id': '4c1e9a7b-2d3f-4e5a-8b6c-7d8e9f0a1b2c', 'visits': 1289, 'from_day': '2026-03-02', 'to_day':
                '2026-03-31', 'days': [{'day': '2026-03-30', 'clicks': 412}, {'day': '2026-03-31', 'clicks': 877}], 'referrers':
                [{'referrer': 'news.example.org', 'clicks': 900}, {'referrer': None, 'clicks': 389}], 'agents': [{'family':
                'CHROME', 'clicks': 801}, {'family': 'SAFARI', 'clicks': 488}]}

        Attributes:
            link_id (UUID):
            visits (int): The link's visits, all time (as on the link).
            from_day (datetime.date): The first UTC day of the window.
            to_day (datetime.date): The last UTC day of the window (today).
            days (list[ShortlinkStatsDaysItem]): Clicks per UTC day, oldest first; days without clicks are left out.
            referrers (list[ShortlinkStatsReferrersItem]): The 20 referring hosts with the most clicks over the window, most
                first (the host of the Referer header only; null for visits that sent none).
            agents (list[ShortlinkStatsAgentsItem]): Clicks over the window per browser family of the User-Agent header,
                most first.
     """

    link_id: UUID
    visits: int
    from_day: datetime.date
    to_day: datetime.date
    days: list[ShortlinkStatsDaysItem]
    referrers: list[ShortlinkStatsReferrersItem]
    agents: list[ShortlinkStatsAgentsItem]





    def to_dict(self) -> dict[str, Any]:
        from ..models.shortlink_stats_agents_item import ShortlinkStatsAgentsItem # noqa: PLC0415
        from ..models.shortlink_stats_days_item import ShortlinkStatsDaysItem # noqa: PLC0415
        from ..models.shortlink_stats_referrers_item import ShortlinkStatsReferrersItem # noqa: PLC0415
        link_id = str(self.link_id)

        visits = self.visits

        from_day = self.from_day.isoformat()

        to_day = self.to_day.isoformat()

        days = []
        for days_item_data in self.days:
            days_item = days_item_data.to_dict()
            days.append(days_item)



        referrers = []
        for referrers_item_data in self.referrers:
            referrers_item = referrers_item_data.to_dict()
            referrers.append(referrers_item)



        agents = []
        for agents_item_data in self.agents:
            agents_item = agents_item_data.to_dict()
            agents.append(agents_item)




        field_dict: dict[str, Any] = {}

        field_dict.update({
            "link_id": link_id,
            "visits": visits,
            "from_day": from_day,
            "to_day": to_day,
            "days": days,
            "referrers": referrers,
            "agents": agents,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.shortlink_stats_agents_item import ShortlinkStatsAgentsItem # noqa: PLC0415
        from ..models.shortlink_stats_days_item import ShortlinkStatsDaysItem # noqa: PLC0415
        from ..models.shortlink_stats_referrers_item import ShortlinkStatsReferrersItem # noqa: PLC0415
        d = dict(src_dict)
        link_id = UUID(d.pop("link_id"))




        visits = d.pop("visits")

        from_day = datetime.date.fromisoformat(d.pop("from_day"))




        to_day = datetime.date.fromisoformat(d.pop("to_day"))




        days = []
        _days = d.pop("days")
        for days_item_data in (_days):
            days_item = ShortlinkStatsDaysItem.from_dict(days_item_data)



            days.append(days_item)


        referrers = []
        _referrers = d.pop("referrers")
        for referrers_item_data in (_referrers):
            referrers_item = ShortlinkStatsReferrersItem.from_dict(referrers_item_data)



            referrers.append(referrers_item)


        agents = []
        _agents = d.pop("agents")
        for agents_item_data in (_agents):
            agents_item = ShortlinkStatsAgentsItem.from_dict(agents_item_data)



            agents.append(agents_item)


        shortlink_stats = cls(
            link_id=link_id,
            visits=visits,
            from_day=from_day,
            to_day=to_day,
            days=days,
            referrers=referrers,
            agents=agents,
        )

        return shortlink_stats

