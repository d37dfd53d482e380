from enum import StrEnum

class ImportStatus(StrEnum):
    DONE = "DONE"
    FAILED = "FAILED"
    PENDING = "PENDING"
    RUNNING = "RUNNING"

    def __str__(self) -> str:
        return str(self.value)
