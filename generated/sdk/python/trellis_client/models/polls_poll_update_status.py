from enum import StrEnum

class PollsPollUpdateStatus(StrEnum):
    CLOSED = "CLOSED"

    def __str__(self) -> str:
        return str(self.value)
