from enum import StrEnum

class ListPollsStatus(StrEnum):
    CLOSED = "CLOSED"
    OPEN = "OPEN"
    SCHEDULED = "SCHEDULED"

    def __str__(self) -> str:
        return str(self.value)
