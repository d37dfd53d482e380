from enum import StrEnum

class ShortlinkState(StrEnum):
    ACTIVE = "ACTIVE"
    DISABLED = "DISABLED"
    EXHAUSTED = "EXHAUSTED"
    EXPIRED = "EXPIRED"

    def __str__(self) -> str:
        return str(self.value)
