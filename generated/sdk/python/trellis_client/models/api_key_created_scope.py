from enum import StrEnum

class ApiKeyCreatedScope(StrEnum):
    READ_ONLY = "READ_ONLY"
    READ_WRITE = "READ_WRITE"

    def __str__(self) -> str:
        return str(self.value)
