from enum import StrEnum

class TaskStatus(StrEnum):
    DONE = "DONE"
    OPEN = "OPEN"

    def __str__(self) -> str:
        return str(self.value)
