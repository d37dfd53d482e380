from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.polls_option_count import PollsOptionCount





T = TypeVar("T", bound="PollsPollResultsType0")



@_attrs_define
class PollsPollResultsType0:
    """ 
        Attributes:
            ballots (int): Ballots cast (a multiple-choice ballot counts once here).
            options (list[PollsOptionCount]):
     """

    ballots: int
    options: list[PollsOptionCount]





    def to_dict(self) -> dict[str, Any]:
        from ..models.polls_option_count import PollsOptionCount # noqa: PLC0415
        ballots = self.ballots

        options = []
        for options_item_data in self.options:
            options_item = options_item_data.to_dict()
            options.append(options_item)




        field_dict: dict[str, Any] = {}

        field_dict.update({
            "ballots": ballots,
            "options": options,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.polls_option_count import PollsOptionCount # noqa: PLC0415
        d = dict(src_dict)
        ballots = d.pop("ballots")

        options = []
        _options = d.pop("options")
        for options_item_data in (_options):
            options_item = PollsOptionCount.from_dict(options_item_data)



            options.append(options_item)


        polls_poll_results_type_0 = cls(
            ballots=ballots,
            options=options,
        )

        return polls_poll_results_type_0

