from enum import StrEnum

class ListPollsScope(StrEnum):
    MINE = "MINE"
    VOTED = "VOTED"

    def __str__(self) -> str:
        return str(self.value)
