from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.ghstats_profile import GhstatsProfile
  from ..models.ghstats_profile_stats_languages_item import GhstatsProfileStatsLanguagesItem
  from ..models.ghstats_repo import GhstatsRepo





T = TypeVar("T", bound="GhstatsProfileStats")



@_attrs_define
class GhstatsProfileStats:
    """ A GitHub user's profile summary and the totals of its public repositories (the user's own, forks included), computed
    over every page GitHub listed.

        Example:
            {'login': 'octocat', 'profile': {'login': 'octocat', 'name': 'The Octocat', 'bio': None, 'company': '@github',
                'location': 'San Francisco', 'blog': 'https://github.blog', 'avatar_url':
                'https://avatars.githubusercontent.com/u/583231?v=4', 'html_url': 'https://github.com/octocat', 'public_repos':
                8, 'followers': 4012, 'following': 9, 'created_at': '2011-01-25T18:44:36+00:00'}, 'repo_count': 8,
                'repos_complete': True, 'total_stars': 2961, 'total_forks': 2688, 'languages': [{'language': 'Ruby', 'repos':
                2}, {'language': 'CSS', 'repos': 1}], 'top_repos': [{'name': 'Spoon-Knife', 'full_name': 'octocat/Spoon-Knife',
                'description': 'This repo is for demonstration purposes only.', 'html_url': 'https://github.com/octocat/Spoon-
                Knife', 'language': 'HTML', 'stars': 1210, 'forks': 1520, 'fork': False}], 'fetched_at':
                '2026-12-03T07:00:00+00:00', 'stale': False}

        Attributes:
            login (str): The login as GitHub spells it.
            profile (GhstatsProfile): The user's public profile, as GitHub answers it.
            repo_count (int): The repositories the totals count.
            repos_complete (bool): False when the list was longer than GHSTATS_MAX_PAGES pages and was cut there.
            total_stars (int):
            total_forks (int):
            languages (list[GhstatsProfileStatsLanguagesItem]): Repositories per main language, most first (ties by name).
            top_repos (list[GhstatsRepo]): The `top` most-starred repositories, most first (ties by name).
            fetched_at (datetime.datetime): When the stats were fetched (or last revalidated) from GitHub.
            stale (bool): True when the stats are older than GHSTATS_TTL_SECONDS (another request is refreshing them, or
                GitHub failed or is rate-limited); the `Cache-Status` header says which.
     """

    login: str
    profile: GhstatsProfile
    repo_count: int
    repos_complete: bool
    total_stars: int
    total_forks: int
    languages: list[GhstatsProfileStatsLanguagesItem]
    top_repos: list[GhstatsRepo]
    fetched_at: datetime.datetime
    stale: bool





    def to_dict(self) -> dict[str, Any]:
        from ..models.ghstats_profile import GhstatsProfile # noqa: PLC0415
        from ..models.ghstats_profile_stats_languages_item import GhstatsProfileStatsLanguagesItem # noqa: PLC0415
        from ..models.ghstats_repo import GhstatsRepo # noqa: PLC0415
        login = self.login

        profile = self.profile.to_dict()

        repo_count = self.repo_count

        repos_complete = self.repos_complete

        total_stars = self.total_stars

        total_forks = self.total_forks

        languages = []
        for languages_item_data in self.languages:
            languages_item = languages_item_data.to_dict()
            languages.append(languages_item)



        top_repos = []
        for top_repos_item_data in self.top_repos:
            top_repos_item = top_repos_item_data.to_dict()
            top_repos.append(top_repos_item)



        fetched_at = self.fetched_at.isoformat()

        stale = self.stale


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "login": login,
            "profile": profile,
            "repo_count": repo_count,
            "repos_complete": repos_complete,
            "total_stars": total_stars,
            "total_forks": total_forks,
            "languages": languages,
            "top_repos": top_repos,
            "fetched_at": fetched_at,
            "stale": stale,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.ghstats_profile import GhstatsProfile # noqa: PLC0415
        from ..models.ghstats_profile_stats_languages_item import GhstatsProfileStatsLanguagesItem # noqa: PLC0415
        from ..models.ghstats_repo import GhstatsRepo # noqa: PLC0415
        d = dict(src_dict)
        login = d.pop("login")

        profile = GhstatsProfile.from_dict(d.pop("profile"))




        repo_count = d.pop("repo_count")

        repos_complete = d.pop("repos_complete")

        total_stars = d.pop("total_stars")

        total_forks = d.pop("total_forks")

        languages = []
        _languages = d.pop("languages")
        for languages_item_data in (_languages):
            languages_item = GhstatsProfileStatsLanguagesItem.from_dict(languages_item_data)



            languages.append(languages_item)


        top_repos = []
        _top_repos = d.pop("top_repos")
        for top_repos_item_data in (_top_repos):
            top_repos_item = GhstatsRepo.from_dict(top_repos_item_data)



            top_repos.append(top_repos_item)


        fetched_at = datetime.datetime.fromisoformat(d.pop("fetched_at"))




        stale = d.pop("stale")

        ghstats_profile_stats = cls(
            login=login,
            profile=profile,
            repo_count=repo_count,
            repos_complete=repos_complete,
            total_stars=total_stars,
            total_forks=total_forks,
            languages=languages,
            top_repos=top_repos,
            fetched_at=fetched_at,
            stale=stale,
        )

        return ghstats_profile_stats

