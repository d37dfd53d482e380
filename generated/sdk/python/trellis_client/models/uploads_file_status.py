from enum import StrEnum

class UploadsFileStatus(StrEnum):
    AWAITING_UPLOAD = "AWAITING_UPLOAD"
    DONE = "DONE"
    FAILED = "FAILED"
    PENDING = "PENDING"
    PROCESSING = "PROCESSING"

    def __str__(self) -> str:
        return str(self.value)
