from enum import StrEnum

class OutboxMessageStatus(StrEnum):
    DEAD = "DEAD"
    FAILED = "FAILED"
    PENDING = "PENDING"
    SENDING = "SENDING"
    SENT = "SENT"

    def __str__(self) -> str:
        return str(self.value)
