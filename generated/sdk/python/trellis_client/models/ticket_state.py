from enum import StrEnum

class TicketState(StrEnum):
    CLOSED = "CLOSED"
    IN_PROGRESS = "IN_PROGRESS"
    OPEN = "OPEN"

    def __str__(self) -> str:
        return str(self.value)
