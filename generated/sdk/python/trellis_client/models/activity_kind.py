from enum import StrEnum

class ActivityKind(StrEnum):
    CREATED = "CREATED"
    REASSIGNED = "REASSIGNED"
    TRANSITIONED = "TRANSITIONED"

    def __str__(self) -> str:
        return str(self.value)
